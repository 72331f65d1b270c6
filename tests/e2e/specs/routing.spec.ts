import { expect, test } from '@playwright/test';
import { open, SUB_PATH } from './helpers';
import { TABS } from '../tabs.mjs';

for (const [slug, name] of TABS) {
  test(`the deep link to ${name} survives a reload`, async ({ page }) => {
    await open(page, `/${slug}`);
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.reload();
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', `tab-${slug}`);
  });
}

test('the page works under a sub-path of a plain static server', async ({ page }) => {
  await open(page, '/regions?status=DISABLED', `${SUB_PATH}/`);
  await expect(page.getByRole('tab', { name: 'Regions' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(17);
  await page.getByRole('tab', { name: 'Alternate contacts' }).click();
  await expect(page).toHaveURL(`${SUB_PATH}/#/alternate-contacts`);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Alternate contacts' })).toHaveAttribute('aria-selected', 'true');
});

test('filters in the URL are applied on load', async ({ page }) => {
  await open(page, '/regions?q=cape');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('cape');
  await expect(page.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(1);
});

test('arrow keys move between tabs', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Contact information' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Alternate contacts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Alternate contacts' })).toBeFocused();
  await page.keyboard.press('End');
  const last = page.getByRole('tab').last();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Contact information' })).toHaveAttribute('aria-selected', 'true');
});

test('Back and Forward follow the tabs clicked, which stay links to their deep links', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('tab', { name: 'Regions' })).toHaveAttribute('href', '#/regions');
  await page.getByRole('tab', { name: 'Regions' }).click();
  await expect(page).toHaveURL(/#\/regions$/);
  await page.getByRole('tab', { name: 'Organization' }).click();
  await expect(page).toHaveURL(/#\/organization$/);
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-organization');
  await page.goBack();
  await expect(page).toHaveURL(/#\/regions$/);
  await expect(page.getByRole('tab', { name: 'Regions' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-regions');
  await page.goForward();
  await expect(page.getByRole('tab', { name: 'Organization' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-organization');
});
