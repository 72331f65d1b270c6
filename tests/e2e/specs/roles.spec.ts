import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { alert, open, openTab, saveBillingRefused, status } from './helpers';

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

const INVALID_TOKEN = 'UnrecognizedClientException: The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'ExpiredTokenException: The security token included in the request is expired';
const ROLE_GONE = `Acting as ${SESSION}: its role no longer exists, so its calls are refused. Choose another principal.`;
const EXPIRED = `Acting as ${SESSION}: its session has expired, so its calls are refused. Choose another principal.`;

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

test('a user name already taken is refused at its field until the name is edited', async ({ page }) => {
  await open(page, '/permissions');
  await createUser(page, 'alice');
  await page.getByRole('button', { name: 'Create user', exact: true }).click();
  const form = page.getByRole('form', { name: 'Create user' });
  const name = form.getByLabel('User name', { exact: true });
  await name.fill('alice');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/alice/);
  await name.fill('alice2');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await announced(page, 'Created user alice2.');
});

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
  await page.getByRole('button', { name: 'Edit permissions of role deployer', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Permissions of role deployer' });
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

  await saveBillingRefused(page, REFUSED_PUT);

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
  await page.getByRole('button', { name: 'Edit permissions of role deployer', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Permissions of role deployer' })).toBeVisible();
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

/** As alice, assumes deployer as session s1 and acts as it. */
async function actAsSession(page: Page) {
  const acting = page.getByRole('combobox', { name: 'Acting as' });
  await acting.selectOption(ALICE);
  await page.getByRole('button', { name: 'Assume role deployer', exact: true }).click();
  const assume = page.getByRole('region', { name: 'Assume role deployer' });
  await assume.getByLabel('Session name', { exact: true }).fill('s1');
  await assume.getByRole('button', { name: 'Assume', exact: true }).click();
  await announced(page, `Assumed deployer: ${SESSION} is in Acting as.`);
  await acting.selectOption(SESSION);
  return acting;
}

test('a session whose role is deleted shows as gone in Acting as, and the next save is refused as its key would be', async ({ page }) => {
  await deployer(page);
  const acting = await actAsSession(page);
  // The root user deletes the role from a script while the page acts as its session.
  const deleted = await page.evaluate(() =>
    (window as any).accountSandbox
      .call('iam:DeleteRole', { RoleName: 'deployer' }, { as: 'arn:aws:iam::000000000000:root' })
      .then(() => 'deleted', (error: unknown) => JSON.stringify(error)),
  );
  expect(deleted).toBe('deleted');
  const gone = `${SESSION} · its role deleted`;
  await expect(acting.getByRole('option', { selected: true })).toHaveText(gone);
  await announced(page, ROLE_GONE);

  await saveBillingRefused(page, INVALID_TOKEN);
  await expect(alert(page)).toHaveText(INVALID_TOKEN);
  await expect(acting.getByRole('option', { selected: true })).toHaveText(gone);

  await openTab(page, 'Activity');
  const newest = page.getByRole('list', { name: 'API calls' }).getByRole('listitem').first();
  await expect(newest.getByRole('heading')).toHaveText('PutAlternateContact');
  await expect(newest).toContainText('403 UnrecognizedClientException');
  await expect(newest).toContainText(SESSION);

  // Choosing a live principal leaves the gone one behind.
  await acting.selectOption(ALICE);
  await expect(acting.getByRole('option', { name: new RegExp(SESSION) })).toHaveCount(0);
});

test('a session that expires by the clock alone is refused at the next save, and Acting as then shows it gone', async ({ page }) => {
  await deployer(page);
  const acting = await actAsSession(page);
  // An hour and a second later, by the browser clock the engine reads; no
  // state changed, so Acting as learns it from the refusal.
  await page.clock.setFixedTime(Date.now() + 3_601_000);
  await expect(acting).toHaveValue(SESSION);
  await expect(acting.getByRole('option', { selected: true })).toHaveText(new RegExp(`^s1 · ${SESSION}$`));

  // The tab's own read as the session is refused: that is when the page
  // learns the session is gone, and says so.
  await openTab(page, 'Alternate contacts');
  const gone = `${SESSION} · expired`;
  await expect(acting.getByRole('option', { selected: true })).toHaveText(gone);
  await announced(page, EXPIRED);

  await saveBillingRefused(page, EXPIRED_TOKEN);
  await expect(alert(page)).toHaveText(EXPIRED_TOKEN);
  await expect(acting.getByRole('option', { selected: true })).toHaveText(gone);
});

test('a user and a role of the same name each have their own Edit permissions button', async ({ page }) => {
  await deployer(page);
  await page.getByRole('button', { name: 'Create role', exact: true }).click();
  const form = page.getByRole('form', { name: 'Create role' });
  await form.getByLabel('Role name', { exact: true }).fill('alice');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await announced(page, 'Created role alice.');

  const user = page.getByRole('button', { name: 'Edit permissions of alice', exact: true });
  const role = page.getByRole('button', { name: 'Edit permissions of role alice', exact: true });
  await expect(user).toHaveCount(1);
  await expect(role).toHaveCount(1);
  await user.click();
  await expect(page.getByRole('region', { name: 'Permissions of alice', exact: true })).toBeVisible();
  await role.click();
  await expect(page.getByRole('region', { name: 'Permissions of role alice', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Permissions of alice', exact: true })).toHaveCount(0);
});

test('a customer managed policy created meanwhile is offered by the editor\'s selects and attaches', async ({ page }) => {
  await deployer(page);
  await page.getByRole('button', { name: 'Edit permissions of alice', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Permissions of alice', exact: true });
  const managed = editor.getByRole('combobox', { name: 'Managed policy' });
  const own = 'arn:aws:iam::000000000000:policy/ContactsOnly';
  await expect(managed.getByRole('option')).toHaveText([
    'AdministratorAccess',
    'AWSAccountManagementFullAccess',
    'AWSAccountManagementReadOnlyAccess',
  ]);
  await managed.selectOption(FULL);
  const created = await page.evaluate(() =>
    (window as any).accountSandbox
      .call('iam:CreatePolicy', {
        PolicyName: 'ContactsOnly',
        PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*AlternateContact","Resource":"*"}]}',
      })
      .then(() => 'created', (error: unknown) => JSON.stringify(error)),
  );
  expect(created).toBe('created');
  await expect(managed.getByRole('option', { name: 'ContactsOnly · customer managed', exact: true })).toHaveCount(1);
  await expect(managed).toHaveValue(FULL);
  const boundary = editor.getByRole('combobox', { name: 'Permissions boundary' });
  await expect(boundary.getByRole('option', { name: 'ContactsOnly · customer managed', exact: true })).toHaveCount(1);

  await managed.selectOption({ label: 'ContactsOnly · customer managed' });
  await editor.getByRole('button', { name: 'Attach', exact: true }).click();
  await announced(page, `Attached ${own} to alice.`);
  await expect(editor.getByRole('listitem').filter({ hasText: own })).toHaveCount(1);
  await boundary.selectOption(own);
  await editor.getByRole('button', { name: 'Set boundary', exact: true }).click();
  await announced(page, `Set the permissions boundary of alice to ${own}.`);
});

test('Assume role takes a duration, and the engine\'s refusal of one shows at its field', async ({ page }) => {
  await deployer(page);
  await page.getByRole('combobox', { name: 'Acting as' }).selectOption(ALICE);
  await page.getByRole('button', { name: 'Assume role deployer', exact: true }).click();
  const assume = page.getByRole('region', { name: 'Assume role deployer' });
  const duration = assume.getByRole('spinbutton', { name: 'Duration (seconds)' });
  await assume.getByLabel('Session name', { exact: true }).fill('s1');
  await duration.fill('899');
  await assume.getByRole('button', { name: 'Assume', exact: true }).click();
  const short =
    "ValidationError: 1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900";
  await expect(alert(page)).toHaveText(short);
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  await expect(duration).toHaveAccessibleDescription(`Blank: one hour. From 900 to the role's maximum session duration. ${short}`);

  await duration.fill('3601');
  await expect(duration).not.toHaveAttribute('aria-invalid', 'true');
  await assume.getByRole('button', { name: 'Assume', exact: true }).click();
  const long = 'ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
  await expect(alert(page)).toHaveText(long);
  await expect(duration).toHaveAccessibleDescription(`Blank: one hour. From 900 to the role's maximum session duration. ${long}`);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await duration.fill('900');
  await assume.getByRole('button', { name: 'Assume', exact: true }).click();
  await announced(page, `Assumed deployer: ${SESSION} is in Acting as.`);
  await expect(duration).not.toHaveAttribute('aria-invalid', 'true');
  await openTab(page, 'Activity');
  const newest = page.getByRole('list', { name: 'API calls' }).getByRole('listitem').first();
  await expect(newest.getByRole('heading')).toHaveText('AssumeRole');
  await newest.getByText('Request and response').click();
  await expect(newest).toContainText('"DurationSeconds": "900"');
});
