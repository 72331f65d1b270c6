import { expect, type Page } from '@playwright/test';

export const SUB_PATH = '/docs/sandbox';

/**
 * Opens the page at a hash route and waits until the app is interactive:
 * the prerendered frame draws the tablist at once, but its `Acting as` is
 * disabled until the app has taken the frame over.
 */
export async function open(page: Page, hash = '', base = '/') {
  await page.goto(`${base}${hash ? `#${hash}` : ''}`);
  await expect(page.getByRole('tablist')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Acting as' })).toBeEnabled();
}

export async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

export function status(page: Page) {
  return page.getByRole('status');
}

export function alert(page: Page) {
  return page.getByRole('alert').filter({ hasText: /\S/ });
}

export const CONTACT = {
  'Full name': 'Jane Doe',
  'Address line 1': '410 Terry Ave N',
  City: 'Seattle',
  'State or region': 'WA',
  'Postal code': '98109',
  'Country code': 'us',
  'Phone number': '+1 206-555-0100',
};

export async function fill(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

export async function createAlternateContact(
  page: Page,
  type: string,
  values: { Name: string; Title: string; 'Email address': string; 'Phone number': string },
) {
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByLabel('Contact type', { exact: true }).selectOption(type);
  await fill(page, values);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText(`${type} contact saved.`);
}

/** Calls the engine the way a script in the page would. */
export function call(page: Page, operation: string, input: unknown = {}) {
  return page.evaluate(
    ([op, body]) =>
      (window as any).accountSandbox.call(op, body).then(
        (output: unknown) => ({ ok: true, output }),
        (error: unknown) => ({ ok: false, error }),
      ),
    [operation, input] as const,
  );
}

/** Saves a BILLING contact in the Alternate contacts tab and expects the
 * refusal `text` announced. */
export async function saveBillingRefused(page: Page, text: string) {
  await openTab(page, 'Alternate contacts');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByLabel('Contact type', { exact: true }).selectOption('BILLING');
  await fill(page, { Name: 'Bill Ing', Title: 'Billing lead', 'Email address': 'bill@example.com', 'Phone number': '+1 555-555-0101' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(alert(page)).toContainText(text);
}
