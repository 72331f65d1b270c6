import { expect, test, type Page } from '@playwright/test';
import { alert, createAlternateContact, fill, open, status } from './helpers';

const PEOPLE = {
  BILLING: { Name: 'Bill Ing', Title: 'Billing lead', 'Email address': 'bill@example.com', 'Phone number': '+1 555-555-0101' },
  OPERATIONS: { Name: 'Olga Ops', Title: 'SRE manager', 'Email address': 'ops@example.com', 'Phone number': '+1 555-555-0102' },
  SECURITY: { Name: 'Sam Secure', Title: 'CISO', 'Email address': 'security@example.org', 'Phone number': '+1 555-555-0103' },
};

function rows(page: Page) {
  return page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
}

test('create each type, filter, search, edit and delete with confirmation', async ({ page }) => {
  await open(page, '/alternate-contacts');
  await expect(page.getByText('No alternate contacts', { exact: true })).toBeVisible();
  for (const [type, person] of Object.entries(PEOPLE)) {
    await createAlternateContact(page, type, person);
  }
  await expect(rows(page)).toHaveCount(3);
  const table = page.getByRole('table');
  for (const header of ['Type', 'Name', 'Title', 'Email address', 'Phone number']) {
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }

  await page.getByRole('combobox', { name: 'Filter by type' }).selectOption('SECURITY');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().getByRole('cell').first()).toHaveText('SECURITY');
  await expect(page).toHaveURL(/type=SECURITY/);

  await page.getByRole('combobox', { name: 'Filter by type' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search' }).fill('ops@');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Olga Ops');
  await expect(page).toHaveURL(/q=ops%40/);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(rows(page)).toHaveCount(3);

  await page.getByRole('button', { name: 'Edit OPERATIONS contact' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Olga Ops');
  await page.getByLabel('Title', { exact: true }).fill('Head of operations');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText('OPERATIONS contact saved.');
  await expect(rows(page).filter({ hasText: 'OPERATIONS' })).toContainText('Head of operations');

  await page.getByRole('button', { name: 'Delete BILLING contact' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows(page)).toHaveCount(3);

  await page.getByRole('button', { name: 'Delete BILLING contact' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(status(page)).toHaveText('BILLING contact deleted.');
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Delete BILLING contact' })).toHaveCount(0);
});

test('creating a type that exists asks before replacing it', async ({ page }) => {
  await open(page, '/alternate-contacts');
  await createAlternateContact(page, 'BILLING', PEOPLE.BILLING);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByLabel('Contact type', { exact: true }).selectOption('BILLING');
  await fill(page, { ...PEOPLE.BILLING, Name: 'New Biller' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the BILLING contact?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(status(page)).toHaveText('BILLING contact saved.');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('New Biller');
});

test('a rejected email is shown beside its field', async ({ page }) => {
  await open(page, '/alternate-contacts');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await fill(page, { ...PEOPLE.SECURITY, 'Email address': 'not-an-email' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const email = page.getByLabel('Email address', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(alert(page)).toContainText('ValidationException:');
  await expect(email).toHaveValue('not-an-email');
});

test('the alternate contact form works with the keyboard alone', async ({ page }) => {
  await open(page, '/alternate-contacts');
  const create = page.getByRole('button', { name: 'Create', exact: true });
  await create.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Contact type', { exact: true })).toBeVisible();
  await page.getByLabel('Contact type', { exact: true }).focus();
  await page.keyboard.press('ArrowDown'); // OPERATIONS
  for (const value of ['Kay Board', 'Typist', 'kay@example.com', '+44 20 7946 0000']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('OPERATIONS contact saved.');
  await expect(rows(page).first()).toContainText('Kay Board');

  await page.getByRole('button', { name: 'Delete OPERATIONS contact' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(rows(page)).toHaveCount(1);
});
