import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open, openTab, saveBillingRefused, status } from './helpers';

const ALICE = 'arn:aws:iam::000000000000:user/alice';
const READ_ONLY = 'arn:aws:iam::aws:policy/AWSAccountManagementReadOnlyAccess';
const REFUSED_PUT =
  `User: ${ALICE} is not authorized to perform: account:PutAlternateContact on resource: ` +
  'arn:aws:account::000000000000:account because no identity-based policy allows the account:PutAlternateContact action';

/** Creates user alice as the root user, with the read-only managed policy attached. */
async function readOnlyAlice(page: Page) {
  await open(page, '/permissions');
  await page.getByRole('button', { name: 'Create user', exact: true }).click();
  await page.getByLabel('User name', { exact: true }).fill('alice');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('cell', { name: ALICE, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Edit permissions of alice', exact: true }).click();
  await page.getByRole('combobox', { name: 'Managed policy' }).selectOption(READ_ONLY);
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(status(page).filter({ hasText: 'Attached' })).toHaveText(`Attached ${READ_ONLY} to alice.`);
}

test('a read-only user is refused a save with the exact message, and Why? shows the identity layer', async ({ page }) => {
  await readOnlyAlice(page);
  const acting = page.getByRole('combobox', { name: 'Acting as' });
  await expect(acting.getByRole('option', { name: new RegExp(ALICE) })).toHaveCount(1);
  await acting.selectOption(ALICE);

  await saveBillingRefused(page, REFUSED_PUT);

  await openTab(page, 'Activity');
  await page.getByRole('button', { name: 'Why?' }).first().click();
  await expect(page.getByText('Denied: no identity-based policy allows the action', { exact: true })).toBeVisible();
  await expect(page.getByText('Service control policies: not evaluated (no SCPs apply to this account)')).toBeVisible();
  await expect(page.getByText('Identity-based policies: no identity-based policy allows the action', { exact: true })).toBeVisible();
  await expect(page.getByText('Permissions boundary: none set', { exact: true })).toBeVisible();
  const context = page.getByRole('table', { name: 'Request context' });
  await expect(context.getByRole('row', { name: /^Action/ }).getByRole('cell')).toHaveText('account:PutAlternateContact');
  await expect(context.getByRole('row', { name: /^Resource/ }).getByRole('cell')).toHaveText('arn:aws:account::000000000000:account');
  await expect(context.getByRole('row', { name: /^account:AlternateContactTypes/ }).getByRole('cell')).toHaveText('BILLING');
});

test('the policy simulator answers allowed and denied without making the call', async ({ page }) => {
  await readOnlyAlice(page);
  const simulator = page.getByRole('region', { name: 'Policy simulator' });
  await simulator.getByRole('combobox', { name: 'Principal' }).selectOption(ALICE);
  await simulator.getByRole('combobox', { name: 'Action' }).selectOption('GetAlternateContact');
  await simulator.getByRole('button', { name: 'Simulate', exact: true }).click();
  const verdict = simulator.getByRole('status');
  await expect(verdict).toContainText('allowed');

  await simulator.getByRole('combobox', { name: 'Action' }).selectOption('PutAlternateContact');
  await simulator.getByRole('combobox', { name: 'Contact type' }).selectOption('BILLING');
  await simulator.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(verdict).toContainText('denied');
  await expect(verdict).toContainText(REFUSED_PUT);

  // Simulating stored nothing: the root user still sees no alternate contacts.
  await openTab(page, 'Alternate contacts');
  await expect(page.getByText('No alternate contacts', { exact: true })).toBeVisible();
});

test('the policy document editor says where broken JSON broke, by keyboard alone, and passes axe', async ({ page }) => {
  await readOnlyAlice(page);
  const editor = page.getByRole('textbox', { name: 'Policy document' });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('{\n  "Version": "2012-10-17",\n  "Statement": [\n}');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toHaveAccessibleDescription(/Syntax errors in policy\. \(line 4, column 1\)/);

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*","Resource":"*"}]}');
  await expect(editor).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page).filter({ hasText: 'Saved' })).toHaveText('Saved the inline policy of alice.');

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
