import { expect, test, type Page } from '@playwright/test';
import { open, status } from './helpers';

function row(page: Page, code: string) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
}

/** The Status cell of a region's row. */
function statusOf(page: Page, code: string) {
  return row(page, code).getByRole('cell').nth(2);
}

test('all 34 regions are listed with name and status', async ({ page }) => {
  await open(page, '/regions');
  await expect(page.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(34);
  await expect(row(page, 'af-south-1')).toContainText('Africa (Cape Town)');
  await expect(row(page, 'af-south-1')).toContainText('DISABLED');
  await expect(row(page, 'us-east-1')).toContainText('ENABLED_BY_DEFAULT');
  await expect(row(page, 'us-east-1').getByRole('button')).toHaveCount(0);
});

test('enable a region and watch it reach ENABLED, then disable it', async ({ page }) => {
  await open(page, '/regions');
  await page.getByRole('button', { name: 'Enable af-south-1' }).click();
  await expect(status(page)).toHaveText('Enabling af-south-1 (Africa (Cape Town)).');
  await expect(statusOf(page, 'af-south-1')).toHaveText('ENABLING');
  await expect(row(page, 'af-south-1').getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enable af-south-1' })).toBeDisabled();
  await expect(statusOf(page, 'af-south-1')).toHaveText('ENABLED', { timeout: 20_000 });

  await page.getByRole('button', { name: 'Disable af-south-1' }).click();
  await expect(statusOf(page, 'af-south-1')).toHaveText('DISABLING');
  await expect(page.getByRole('button', { name: 'Disable af-south-1' })).toBeDisabled();
  await expect(statusOf(page, 'af-south-1')).toHaveText('DISABLED', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Enable af-south-1' })).toBeEnabled();
});

test('filter by status and search by code or name', async ({ page }) => {
  await open(page, '/regions');
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('ENABLED_BY_DEFAULT');
  await expect(rows).toHaveCount(17);
  await expect(page).toHaveURL(/status=ENABLED_BY_DEFAULT/);
  await page.getByRole('searchbox', { name: 'Search' }).fill('tokyo');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('ap-northeast-1');
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search' }).fill('eu-');
  await expect(rows).toHaveCount(8);
});

test('the transition speed setting persists', async ({ page }) => {
  await open(page, '/regions');
  const speed = page.getByRole('combobox', { name: 'Transition speed' });
  await expect(speed).toHaveValue('demo');
  await speed.selectOption('realistic');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Transition speed' })).toHaveValue('realistic');
});
