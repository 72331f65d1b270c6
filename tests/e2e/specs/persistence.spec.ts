import { expect, test } from '@playwright/test';
import { call, CONTACT, createAlternateContact, fill, open, status } from './helpers';

const STATE_KEY = 'account-sandbox:v1:state';
const BACKUP_KEY = 'account-sandbox:v1:backup';

test('a reload finds everything as it was left, regions in transition included', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await fill(page, CONTACT);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText('Contact information saved.');

  await page.getByRole('tab', { name: 'Alternate contacts' }).click();
  await createAlternateContact(page, 'SECURITY', {
    Name: 'Sam Secure', Title: 'CISO', 'Email address': 'sec@example.com', 'Phone number': '+1 555 0100',
  });

  await page.getByRole('tab', { name: 'Regions' }).click();
  await page.getByRole('button', { name: 'Enable ap-east-1' }).click();
  await page.reload();

  const region = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'ap-east-1', exact: true }) });
  await expect(region.getByRole('cell').nth(2)).toHaveText(/^(ENABLING|ENABLED)$/);
  await expect(region.getByRole('cell').nth(2)).toHaveText('ENABLED', { timeout: 20_000 });

  await page.getByRole('tab', { name: 'Alternate contacts' }).click();
  await expect(page.getByRole('table')).toContainText('Sam Secure');
  await page.getByRole('tab', { name: 'Contact information' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Jane Doe');
});

test('corrupt stored state is kept as a backup, offered for download, and the page starts fresh', async ({ page }) => {
  await open(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"schemaVersion": 1, "accounts": 42'), STATE_KEY);
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(banner).toContainText('The sandbox started fresh.');
  await expect(page.getByText('No contact information')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), BACKUP_KEY)).toBe('{"schemaVersion": 1, "accounts": 42');

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download backup' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toBe('{"schemaVersion": 1, "accounts": 42');
});

test('a stored state of a newer version is not lost either', async ({ page }) => {
  await open(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"schemaVersion": 7}'), STATE_KEY);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toContainText('schemaVersion 7');
  expect(await page.evaluate((key) => localStorage.getItem(key), BACKUP_KEY)).toBe('{"schemaVersion": 7}');
});

test('a full storage quota shows a banner and the page keeps working in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await open(page, '/alternate-contacts');
  await createAlternateContact(page, 'BILLING', {
    Name: 'Bill', Title: 'Payer', 'Email address': 'bill@example.com', 'Phone number': '+1 555 0100',
  });
  await expect(page.getByRole('alert').filter({ hasText: 'could not be saved' })).toContainText('browser storage is full');
  await expect(page.getByRole('table')).toContainText('Bill');
  const result = await call(page, 'GetAlternateContact', { AlternateContactType: 'BILLING' });
  expect(result.ok).toBe(true);
});

test('unavailable storage shows a banner and the page runs in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await open(page);
  await expect(page.getByRole('alert').filter({ hasText: 'in memory only' })).toContainText('browser storage is unavailable');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await fill(page, CONTACT);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText('Contact information saved.');
  await expect(page.getByRole('tabpanel')).toContainText('Jane Doe');
});
