import { expect, test } from '@playwright/test';
import { call, createAlternateContact, open } from './helpers';

test('calls from forms and scripts are logged newest first and can be filtered', async ({ page }) => {
  await open(page, '/alternate-contacts');
  await createAlternateContact(page, 'BILLING', {
    Name: 'Bill', Title: 'Payer', 'Email address': 'bill@example.com', 'Phone number': '+1 555 0100',
  });
  await call(page, 'GetAlternateContact', { AlternateContactType: 'SECURITY' });
  await call(page, 'GetRegionOptStatus', { RegionName: 'af-south-1' });
  await page.getByRole('tab', { name: 'Activity' }).click();

  const list = page.getByRole('list', { name: 'API calls' });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0).getByRole('heading')).toHaveText('GetRegionOptStatus');
  await expect(items.nth(1)).toContainText('404 ResourceNotFoundException');
  await expect(items.nth(2)).toContainText('PutAlternateContact');
  await expect(items.nth(2)).toContainText('from the page');
  await expect(items.nth(1)).toContainText('from the script');

  await items.nth(1).getByText('Request and response').click();
  await expect(items.nth(1)).toContainText('"AlternateContactType": "SECURITY"');
  await expect(items.nth(1)).toContainText('No contact of the inputted alternate contact type found.');

  await page.getByRole('combobox', { name: 'Filter by outcome' }).selectOption('failed');
  await expect(items).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Filter by outcome' }).selectOption('');
  await page.getByRole('combobox', { name: 'Filter by operation' }).selectOption('PutAlternateContact');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('200 OK');
});
