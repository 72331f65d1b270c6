import { expect, test } from '@playwright/test';
import { alert, CONTACT, fill, open, status } from './helpers';

test('create, view and update contact information', async ({ page }) => {
  await open(page);
  await expect(page).toHaveTitle('Account · Resource Browser');
  await expect(page.getByRole('tab', { name: 'Contact information' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No contact information')).toBeVisible();

  await page.getByRole('button', { name: 'Create', exact: true }).click();
  // The country codes are offered once a field of the form has focus.
  const countries = page.locator('#country-codes option');
  await expect(countries).toHaveCount(0);
  await page.getByLabel('Country code', { exact: true }).focus();
  await expect(countries.and(page.locator('[value="US"]'))).toHaveText('United States');
  await fill(page, { ...CONTACT, 'Company name': '  Example Corp  ' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText('Contact information saved.');

  const panel = page.getByRole('tabpanel');
  await expect(panel.getByText('Jane Doe')).toBeVisible();
  // The engine trims every field and upper-cases the country code.
  await expect(panel.getByText('Example Corp', { exact: true })).toBeVisible();
  await expect(panel.getByText('US', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Full name', { exact: true })).toHaveValue('Jane Doe');
  await page.getByLabel('City', { exact: true }).fill('Tacoma');
  await page.getByLabel('Company name', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText('Contact information saved.');
  await expect(panel.getByText('Tacoma')).toBeVisible();
  // Put is a full replace: the company name left out is gone.
  await expect(panel.getByText('Example Corp')).toHaveCount(0);
});

test('a field the engine rejects is marked, keeps what was typed, and can be fixed', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await fill(page, { ...CONTACT, 'Phone number': '206 555 0100', 'Full name': '   ' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const phone = page.getByLabel('Phone number', { exact: true });
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await phone.getAttribute('aria-describedby');
  await expect(page.locator(`#${describedBy}`)).toHaveText(
    '[ECMA 262 regex "^[+][\\s0-9()-]+$" does not match input string "206 555 0100"]',
  );
  await expect(alert(page)).toContainText('ValidationException: [ECMA 262 regex');
  await expect(phone).toHaveValue('206 555 0100');
  await expect(page.getByLabel('City', { exact: true })).toHaveValue('Seattle');

  // The refusal was about the number sent: editing the field takes it away.
  await phone.fill('+1 206 555 0100');
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await expect(phone).not.toHaveAccessibleDescription(/ECMA 262/);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const fullName = page.getByLabel('Full name', { exact: true });
  await expect(fullName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await fullName.getAttribute('aria-describedby')}`)).toHaveText(
    'the argument FullName can not be empty',
  );
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');

  await fullName.fill('Jane Doe');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText('Contact information saved.');
  await expect(page.getByRole('tabpanel').getByText('+1 206 555 0100')).toBeVisible();
});

test('state or region is required for a US address', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await fill(page, { ...CONTACT, 'State or region': '' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('State or region', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(alert(page)).toHaveText('ValidationException: the argument StateOrRegion can not be empty');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('No contact information')).toBeVisible();
});
