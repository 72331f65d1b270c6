import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { alert, fill, open, openTab, status } from './helpers';

const ALICE = 'arn:aws:iam::000000000000:user/alice';
const ROLE = 'arn:aws:iam::000000000000:role/deployer';
const SESSION = 'arn:aws:sts::000000000000:assumed-role/deployer/s1';
const FULL = 'arn:aws:iam::aws:policy/AWSAccountManagementFullAccess';
const TRUST_ALICE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }],
});
const WITH_RESOURCE = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}';
const GET_ONLY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:GetAlternateContact","Resource":"*"}]}';
const REFUSED_PUT =
  `User: ${SESSION} is not authorized to perform: account:PutAlternateContact on resource: ` +
  'arn:aws:account::000000000000:account because no session policy allows the account:PutAlternateContact action';

/** The success announcement, among the page's status regions. */
async function announced(page: Page, text: string) {
  await expect(status(page).filter({ hasText: text })).toHaveText(text);
}

async function createUser(page: Page, name: string) {
  await page.getByRole('button', { name: 'Create user', exact: true }).click();
  const form = page.getByRole('form', { name: 'Create user' });
  await form.getByLabel('User name', { exact: true }).fill(name);
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await announced(page, `Created user ${name}.`);
}

/** As the root user: user alice, and role deployer trusting her by ARN. */
async function deployer(page: Page) {
  await open(page, '/permissions');
  await createUser(page, 'alice');
  await page.getByRole('button', { name: 'Create role', exact: true }).click();
  const form = page.getByRole('form', { name: 'Create role' });
  await form.getByLabel('Role name', { exact: true }).fill('deployer');
  await form.getByRole('textbox', { name: 'Trust policy' }).fill(TRUST_ALICE);
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await announced(page, 'Created role deployer.');
  const roles = page.getByRole('table', { name: 'Roles of account 000000000000' });
  await expect(roles.getByRole('cell', { name: ROLE, exact: true })).toBeVisible();
}

test('a malformed trust policy is refused with IAM\'s text at its textbox', async ({ page }) => {
  await open(page, '/permissions');
  await page.getByRole('button', { name: 'Create role', exact: true }).click();
  const form = page.getByRole('form', { name: 'Create role' });
  const trust = form.getByRole('textbox', { name: 'Trust policy' });
  await form.getByLabel('Role name', { exact: true }).fill('deployer');
  await trust.fill('{\n  "Version": "2012-10-17",\n  "Statement": [\n}');
  await expect(trust).toHaveAttribute('aria-invalid', 'true');
  await expect(trust).toHaveAccessibleDescription('Syntax errors in policy. (line 4, column 1)');

  await trust.fill(WITH_RESOURCE);
  await expect(trust).toHaveAccessibleDescription('Has prohibited field Resource.');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(alert(page)).toHaveText('MalformedPolicyDocument: Has prohibited field Resource.');
  await expect(trust).toHaveAccessibleDescription('Has prohibited field Resource.');
  await expect(page.getByRole('table', { name: 'Roles of account 000000000000' }).getByRole('row')).toHaveCount(1);
});

test('a role given a managed policy and a boundary is assumed with a session policy, and the session is refused beyond it', async ({ page }) => {
  await deployer(page);
  await page.getByRole('button', { name: 'Edit permissions of deployer', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Permissions of deployer' });
  await editor.getByRole('combobox', { name: 'Managed policy' }).selectOption(FULL);
  await editor.getByRole('button', { name: 'Attach', exact: true }).click();
  await announced(page, `Attached ${FULL} to deployer.`);
  await expect(editor.getByRole('listitem').filter({ hasText: FULL })).toHaveCount(1);
  await editor.getByRole('combobox', { name: 'Permissions boundary' }).selectOption(FULL);
  await editor.getByRole('button', { name: 'Set boundary', exact: true }).click();
  await announced(page, `Set the permissions boundary of deployer to ${FULL}.`);

  // The root user may not assume roles: STS's text, announced and at the button.
  await page.getByRole('button', { name: 'Assume role deployer', exact: true }).click();
  const assume = page.getByRole('region', { name: 'Assume role deployer' });
  await assume.getByLabel('Session name', { exact: true }).fill('s1');
  await assume.getByRole('button', { name: 'Assume', exact: true }).click();
  await expect(alert(page)).toHaveText('AccessDenied: Roles may not be assumed by root accounts.');
  await expect(assume.getByRole('button', { name: 'Assume', exact: true })).toHaveAccessibleDescription(
    'AccessDenied: Roles may not be assumed by root accounts.',
  );

  const acting = page.getByRole('combobox', { name: 'Acting as' });
  // Acting as alice, the open form is hers, empty again.
  await acting.selectOption(ALICE);
  await expect(assume.getByLabel('Session name', { exact: true })).toHaveValue('');
  await assume.getByLabel('Session name', { exact: true }).fill('s1');
  await assume.getByRole('textbox', { name: 'Session policy' }).fill(GET_ONLY);
  await assume.getByRole('button', { name: 'Assume', exact: true }).click();
  await announced(page, `Assumed deployer: ${SESSION} is in Acting as.`);
  await expect(acting.getByRole('option', { name: new RegExp(SESSION) })).toHaveCount(1);
  await acting.selectOption(SESSION);
  await expect(page.getByRole('table', { name: 'Principals of account 000000000000' }).getByRole('cell', { name: SESSION, exact: true })).toBeVisible();

  await openTab(page, 'Alternate contacts');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByLabel('Contact type', { exact: true }).selectOption('BILLING');
  await fill(page, { Name: 'Bill Ing', Title: 'Billing lead', 'Email address': 'bill@example.com', 'Phone number': '+1 555-555-0101' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(alert(page)).toContainText(REFUSED_PUT);

  await openTab(page, 'Activity');
  await page.getByRole('button', { name: 'Why?' }).first().click();
  await expect(page.getByText('Denied: no session policy allows the action', { exact: true })).toBeVisible();
  await expect(page.getByText('Session policy: no session policy allows the action', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Identity-based policies: allowed by arn:aws:iam::aws:policy\/AWSAccountManagementFullAccess/)).toBeVisible();
  await expect(page.getByText(/^Permissions boundary: allowed by arn:aws:iam::aws:policy\/AWSAccountManagementFullAccess/)).toBeVisible();
  const context = page.getByRole('table', { name: 'Request context' });
  await expect(context.getByRole('row', { name: /^Principal / }).getByRole('cell')).toHaveText(SESSION);
});

test('the trust policy editor works by keyboard alone, and the Create role form passes axe', async ({ page }) => {
  await deployer(page);
  await page.getByRole('button', { name: 'Create role', exact: true }).click();
  const form = page.getByRole('form', { name: 'Create role' });
  await form.getByLabel('Role name', { exact: true }).focus();
  await page.keyboard.type('ops');
  await page.keyboard.press('Tab');
  const trust = form.getByRole('textbox', { name: 'Trust policy' });
  await expect(trust).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('{\n  "Version": "2012-10-17",\n  "Statement": [\n}');
  await expect(trust).toHaveAttribute('aria-invalid', 'true');
  await expect(trust).toHaveAccessibleDescription('Syntax errors in policy. (line 4, column 1)');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(TRUST_ALICE);
  await expect(trust).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Create', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await announced(page, 'Created role ops.');
});

test('a role\'s permissions editor passes axe', async ({ page }) => {
  await deployer(page);
  await page.getByRole('button', { name: 'Edit permissions of deployer', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Permissions of deployer' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('the Assume role form passes axe with a broken session policy', async ({ page }) => {
  await deployer(page);
  await page.getByRole('button', { name: 'Assume role deployer', exact: true }).click();
  const policy = page.getByRole('region', { name: 'Assume role deployer' }).getByRole('textbox', { name: 'Session policy' });
  await policy.fill('{"Version":');
  await expect(policy).toHaveAttribute('aria-invalid', 'true');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
