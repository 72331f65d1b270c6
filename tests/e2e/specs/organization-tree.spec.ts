import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { alert, call, open, status } from './helpers';

/** A member account made as a script would: CreateAccount, then its status. */
async function createMember(page: Page, name: string, email: string) {
  const started = await call(page, 'CreateAccount', { AccountName: name, Email: email });
  const outcome = await call(page, 'DescribeCreateAccountStatus', {
    CreateAccountRequestId: started.output.CreateAccountStatus.Id,
  });
  return outcome.output.CreateAccountStatus.AccountId as string;
}

async function rootId(page: Page) {
  return (await call(page, 'ListRoots')).output.Roots[0].Id as string;
}

async function createUnit(page: Page, parent: string, name: string) {
  return (await call(page, 'CreateOrganizationalUnit', { ParentId: parent, Name: name })).output.OrganizationalUnit.Id as string;
}

function tree(page: Page) {
  return page.getByRole('list', { name: 'Organization tree' });
}

/** The open panel of the structure section, by its heading. */
function panel(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test('build a nested OU tree, move an account into it, tag it, rename and delete OUs', async ({ page }) => {
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  const member = await createMember(page, 'Dev', 'dev@example.com');
  const root = tree(page).getByRole('button', { name: 'Root', exact: true });
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('table', { name: 'Accounts in Root' })).toContainText(member);

  await page.getByRole('button', { name: 'Create organizational unit' }).click();
  let create = panel(page, 'Create organizational unit');
  await expect(create.getByRole('heading', { name: 'Create organizational unit' })).toBeFocused();
  await create.getByLabel('Name', { exact: true }).fill('Workloads');
  await expect(create.getByLabel('Parent', { exact: true })).toHaveValue(await rootId(page));
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(status(page)).toHaveText(/^Organizational unit Workloads \(ou-[0-9a-z]{4}-[0-9a-z]{8}\) created\.$/);
  // The panel closed and focus went back to the button that opened it.
  await expect(create).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create organizational unit' })).toBeFocused();
  const workloads = tree(page).getByRole('button', { name: 'Workloads', exact: true });
  await expect(workloads).toHaveAttribute('aria-expanded', 'false');

  // A second OU of the same name under the same parent: the engine's refusal, at the field.
  await page.getByRole('button', { name: 'Create organizational unit' }).click();
  create = panel(page, 'Create organizational unit');
  await create.getByLabel('Name', { exact: true }).fill('Workloads');
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(alert(page)).toHaveText('DuplicateOrganizationalUnitException: An OU with the same name already exists.');
  await expect(create.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(create.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(
    'DuplicateOrganizationalUnitException: An OU with the same name already exists.',
  );

  // Nested: Prod under Workloads, which opens to show it.
  await create.getByLabel('Name', { exact: true }).fill('Prod');
  await create.getByLabel('Parent', { exact: true }).selectOption({ label: 'Root / Workloads' });
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(status(page)).toContainText('Organizational unit Prod (');
  await expect(workloads).toHaveAttribute('aria-expanded', 'true');
  const prod = tree(page).getByRole('group', { name: 'Workloads' }).getByRole('button', { name: 'Prod', exact: true });
  await expect(prod).toHaveAttribute('aria-expanded', 'false');

  // Closing and opening by keyboard; a closed OU renders nothing below it.
  await workloads.focus();
  await page.keyboard.press('Enter');
  await expect(workloads).toHaveAttribute('aria-expanded', 'false');
  await expect(tree(page).getByRole('button', { name: 'Prod', exact: true })).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(prod).toBeVisible();

  await page.getByRole('button', { name: `Move ${member}` }).click();
  const move = panel(page, `Move ${member}`);
  await expect(move).toContainText('Now in Root');
  await move.getByLabel('Destination', { exact: true }).selectOption({ label: 'Root / Workloads / Prod' });
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(status(page)).toHaveText(`${member} moved to Root / Workloads / Prod.`);
  await expect(prod).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('table', { name: 'Accounts in Prod' })).toContainText(member);
  await expect(page.getByRole('table', { name: 'Accounts in Root' })).not.toContainText(member);
  await expect(tree(page).getByRole('group', { name: 'Workloads' }).getByText('1 account', { exact: true }).first()).toBeVisible();
  const described = await call(page, 'DescribeAccount', { AccountId: member });
  expect(described.output.Account.Paths[0]).toMatch(/^o-[0-9a-z]{10}\/r-[0-9a-z]{4}\/ou-[0-9a-z-]+\/ou-[0-9a-z-]+\/\d{12}\/$/);

  await page.getByRole('button', { name: `Tags of ${member}` }).click();
  const tags = panel(page, `Tags of ${member}`);
  await expect(tags).toContainText('No tags');
  await tags.getByLabel('Tag key', { exact: true }).fill('env');
  await tags.getByLabel('Tag value', { exact: true }).fill('prod');
  await tags.getByRole('button', { name: 'Add tag', exact: true }).click();
  await expect(status(page)).toHaveText(`Tag env added to ${member}.`);
  await expect(tags.getByRole('row').filter({ hasText: 'env' })).toContainText('prod');
  await expect(tags.getByLabel('Tag key', { exact: true })).toHaveValue('');
  const row = page.getByRole('table', { name: 'Accounts in Prod' }).getByRole('row').filter({ hasText: member });
  await expect(row).toContainText('env=prod');
  const listed = await call(page, 'ListTagsForResource', { ResourceId: member });
  expect(listed.output.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
  await tags.getByRole('button', { name: 'Remove tag env' }).click();
  await expect(status(page)).toHaveText(`Tag env removed from ${member}.`);
  await expect(tags).toContainText('No tags');
  await tags.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('button', { name: `Tags of ${member}` })).toBeFocused();

  await page.getByRole('button', { name: 'Rename Prod' }).click();
  const rename = panel(page, 'Rename Prod');
  await expect(rename.getByLabel('Name', { exact: true })).toHaveValue('Prod');
  await rename.getByLabel('Name', { exact: true }).fill('Production');
  await rename.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText('Prod renamed to Production.');
  await expect(tree(page).getByRole('button', { name: 'Production', exact: true })).toBeVisible();

  // An OU that holds an OU: the engine refuses, in its words.
  await page.getByRole('button', { name: 'Delete Workloads' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Workloads?' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(alert(page)).toHaveText(
    'OrganizationalUnitNotEmptyException: The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.',
  );
  await page.getByRole('button', { name: `Move ${member}` }).click();
  await panel(page, `Move ${member}`).getByLabel('Destination', { exact: true }).selectOption({ label: 'Root' });
  await panel(page, `Move ${member}`).getByRole('button', { name: 'Move', exact: true }).click();
  await expect(status(page)).toHaveText(`${member} moved to Root.`);
  await page.getByRole('button', { name: 'Delete Production' }).click();
  await page.getByRole('dialog', { name: 'Delete Production?' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(status(page)).toHaveText('Organizational unit Production deleted.');
  await expect(tree(page).getByRole('button', { name: 'Production', exact: true })).toHaveCount(0);

  // Every change was an Organizations call, logged.
  await page.getByRole('tab', { name: 'Activity' }).click();
  const calls = page.getByRole('list', { name: 'API calls' }).getByRole('listitem');
  await expect(calls.nth(0).getByRole('heading')).toHaveText('DeleteOrganizationalUnit');
  await expect(calls.nth(1).getByRole('heading')).toHaveText('MoveAccount');
});

test('a tag key or value and an OU name the engine refuses are shown at their field and announced', async ({ page }) => {
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  const member = await createMember(page, 'Dev', 'dev@example.com');
  const pattern = 'InvalidInputException: You provided a value that does not match the required pattern.';
  const tooLong = 'InvalidInputException: You provided a string parameter that is longer than allowed.';

  await page.getByRole('button', { name: `Tags of ${member}` }).click();
  const tags = panel(page, `Tags of ${member}`);
  const key = tags.getByLabel('Tag key', { exact: true });
  const value = tags.getByLabel('Tag value', { exact: true });
  await key.fill('a*b');
  await value.fill('ok');
  await tags.getByRole('button', { name: 'Add tag', exact: true }).click();
  await expect(alert(page)).toHaveText(pattern);
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveAccessibleDescription(pattern);
  await expect(value).not.toHaveAttribute('aria-invalid', 'true');
  // The key fixed, a value too long: the message moves to the value.
  await key.fill('env');
  await expect(key).not.toHaveAttribute('aria-invalid', 'true');
  await value.fill('v'.repeat(257));
  await tags.getByRole('button', { name: 'Add tag', exact: true }).click();
  await expect(value).toHaveAccessibleDescription(tooLong);
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(key).not.toHaveAttribute('aria-invalid', 'true');
  await value.fill('prod');
  await tags.getByRole('button', { name: 'Add tag', exact: true }).click();
  await expect(status(page)).toHaveText(`Tag env added to ${member}.`);
  await expect(value).not.toHaveAttribute('aria-invalid', 'true');
  await tags.getByRole('button', { name: 'Close', exact: true }).click();

  await page.getByRole('button', { name: 'Create organizational unit' }).click();
  const create = panel(page, 'Create organizational unit');
  const name = create.getByLabel('Name', { exact: true });
  await name.fill('n'.repeat(129));
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(alert(page)).toHaveText(tooLong);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(tooLong);
  await name.fill('Workloads');
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(status(page)).toContainText('Organizational unit Workloads (');

  await page.getByRole('button', { name: 'Rename Workloads' }).click();
  const rename = panel(page, 'Rename Workloads');
  await rename.getByLabel('Name', { exact: true }).fill('');
  await rename.getByRole('button', { name: 'Save', exact: true }).click();
  const tooShort = 'InvalidInputException: You provided a string parameter that is shorter than allowed.';
  await expect(rename.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(tooShort);
  await expect(alert(page)).toHaveText(tooShort);
});

test('the delegated administrator field offers a bounded list of matching members and registers the one typed', async ({ page }) => {
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  const members = [];
  for (const n of [1, 2, 3]) members.push(await createMember(page, `Team ${n}`, `team-${n}@example.com`));
  const field = page.getByRole('combobox', { name: 'Delegated administrator account' });
  await expect(field).toHaveAccessibleDescription('Type an account ID or name; the first 20 matching member accounts are offered.');
  const offered = () => page.locator('#delegated-admin-choices option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  // Listed once the field has focus, where alone a browser shows them.
  expect(await offered()).toEqual([]);
  await field.focus();
  await expect.poll(offered).toEqual([...members].sort());
  await field.fill('team 2');
  await expect.poll(offered).toEqual([members[1]]);
  await page.getByRole('button', { name: 'Enable trusted access' }).click();
  await expect(status(page)).toHaveText('Trusted access for AWS Account Management enabled.');
  await field.fill(members[1]);
  await page.getByRole('button', { name: 'Register delegated administrator' }).click();
  await expect(status(page)).toHaveText(`${members[1]} is now the delegated administrator for AWS Account Management.`);
  await expect(page.getByRole('button', { name: 'Deregister' })).toBeVisible();
});

test('enable SCPs, create a policy (the document checked on save), attach it, and the refused detach of the last one', async ({ page }) => {
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  const member = await createMember(page, 'Dev', 'dev@example.com');

  await page.getByRole('button', { name: `Policies of ${member}` }).click();
  let policies = panel(page, `Policies of ${member}`);
  await expect(policies).toContainText('Service control policies are not enabled');
  await policies.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(alert(page)).toHaveText(
    "PolicyTypeNotEnabledException: The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.",
  );

  await page.getByRole('button', { name: 'Enable service control policies' }).click();
  await expect(status(page)).toHaveText(
    'Service control policies enabled; FullAWSAccess is attached to the root, every OU and every account.',
  );
  await expect(page.getByRole('button', { name: 'Disable service control policies' })).toBeVisible();
  await expect(tree(page).getByRole('listitem').first()).toContainText('SCPs FullAWSAccess');
  await expect(policies.getByRole('button', { name: `Detach FullAWSAccess from ${member}` })).toBeVisible();

  await page.getByRole('button', { name: 'Create policy', exact: true }).click();
  const form = panel(page, 'Create policy');
  await expect(form.getByRole('heading', { name: 'Create policy' })).toBeFocused();
  await form.getByLabel('Policy name', { exact: true }).fill('DenyAlternateContacts');
  await form.getByLabel('Description', { exact: true }).fill('No alternate contact changes');
  const document = form.getByRole('textbox', { name: 'Policy document' });
  await document.fill('{"Version": "2012-10-17", "Statement": {"Effect": "Deny"}}');
  await form.getByRole('button', { name: 'Save policy' }).click();
  const malformed =
    'MalformedPolicyDocumentException: The provided policy document does not meet the requirements of the specified policy type.';
  await expect(alert(page)).toHaveText(malformed);
  await expect(document).toHaveAttribute('aria-invalid', 'true');
  await expect(document).toHaveAccessibleDescription(malformed);
  // A rejected save keeps what was typed.
  await expect(form.getByLabel('Policy name', { exact: true })).toHaveValue('DenyAlternateContacts');

  await document.fill(
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'account:PutAlternateContact', Resource: '*' }] }),
  );
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(status(page)).toHaveText(/^Policy DenyAlternateContacts \(p-[0-9a-z]{8}\) created\.$/);
  const list = page.getByRole('table', { name: 'Policies' });
  await expect(list.getByRole('row').filter({ hasText: 'DenyAlternateContacts' })).toContainText('No alternate contact changes');

  await page.getByRole('button', { name: `Policies of ${member}` }).click();
  policies = panel(page, `Policies of ${member}`);
  await policies.getByLabel('Policy', { exact: true }).selectOption({ label: 'DenyAlternateContacts' });
  await policies.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(status(page)).toHaveText(`DenyAlternateContacts attached to ${member}.`);
  await expect(page.getByRole('table', { name: 'Accounts in Root' }).getByRole('row').filter({ hasText: member })).toContainText(
    'FullAWSAccess, DenyAlternateContacts',
  );
  // Nothing is left to attach.
  await expect(policies.getByRole('button', { name: 'Attach', exact: true })).toBeDisabled();

  await policies.getByRole('button', { name: `Detach FullAWSAccess from ${member}` }).click();
  await expect(status(page)).toHaveText(`FullAWSAccess detached from ${member}.`);
  await policies.getByRole('button', { name: `Detach DenyAlternateContacts from ${member}` }).click();
  await expect(alert(page)).toHaveText(
    'ConstraintViolationException: You cannot remove the last policy attached to the specified target. You must have at least one attached at all times.',
  );
  const attached = await call(page, 'ListPoliciesForTarget', { TargetId: member, Filter: 'SERVICE_CONTROL_POLICY' });
  expect(attached.output.Policies.map((p) => p.Name)).toEqual(['DenyAlternateContacts']);

  // Attached somewhere, a policy cannot be deleted.
  await list.getByRole('button', { name: 'Delete policy DenyAlternateContacts' }).click();
  await page.getByRole('dialog', { name: 'Delete policy DenyAlternateContacts?' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(alert(page)).toHaveText(
    'PolicyInUseException: The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.',
  );
});

test('the filter finds accounts by id, name, email and OU, and opens the OUs that hold a few matches', async ({ page }) => {
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  const root = await rootId(page);
  const engineering = await createUnit(page, root, 'Engineering');
  const finance = await createUnit(page, root, 'Finance');
  const members: string[] = [];
  for (let n = 0; n < 60; n++) {
    const id = await createMember(page, `Team ${n}`, `team-${n}@example.com`);
    members.push(id);
    await call(page, 'MoveAccount', { AccountId: id, SourceParentId: root, DestinationParentId: n % 2 ? finance : engineering });
  }
  const search = page.getByRole('searchbox', { name: 'Filter accounts' });
  await expect(tree(page).getByRole('button', { name: 'Engineering', exact: true })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('table', { name: 'Accounts in Engineering' })).toHaveCount(0);

  await search.fill('team-7@');
  await expect(page.getByText('1 of 61 accounts match')).toBeVisible();
  await expect(tree(page).getByRole('button', { name: 'Finance', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(tree(page).getByRole('button', { name: 'Engineering', exact: true })).toBeHidden();
  const finances = page.getByRole('table', { name: 'Accounts in Finance' });
  await expect(finances).toHaveAttribute('aria-rowcount', '2');
  await expect(finances).toContainText(members[7]);

  await search.fill(members[10]);
  await expect(page.getByRole('table', { name: 'Accounts in Engineering' })).toHaveAttribute('aria-rowcount', '2');

  // By OU name: 30 matches are too many to open anything, and the count says so.
  await search.fill('');
  await tree(page).getByRole('button', { name: 'Engineering', exact: true }).click();
  await tree(page).getByRole('button', { name: 'Finance', exact: true }).click();
  await search.fill('FINANCE');
  await expect(page.getByText('30 of 61 accounts match')).toBeVisible();
  await expect(tree(page).getByRole('button', { name: 'Finance', exact: true })).toHaveAttribute('aria-expanded', 'false');
  // The innermost item holding Finance's button is Finance's own.
  const financeItem = tree(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Finance', exact: true }) }).last();
  await expect(financeItem).toContainText('30 of 30 accounts');

  await search.fill('nobody');
  await expect(page.getByText('0 of 61 accounts match')).toBeVisible();
  await expect(tree(page).getByRole('button', { name: 'Finance', exact: true })).toBeHidden();

  // An open OU renders only the rows in view.
  await search.fill('');
  await tree(page).getByRole('button', { name: 'Engineering', exact: true }).click();
  const engineers = page.getByRole('table', { name: 'Accounts in Engineering' });
  await expect(engineers).toHaveAttribute('aria-rowcount', '31');
  expect(await engineers.getByRole('row').count()).toBeLessThan(25);
  await page.getByRole('region', { name: 'Accounts in Engineering' }).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(engineers.getByRole('row').last()).toHaveAttribute('aria-rowindex', '31');
});

test('the organization structure has no serious accessibility violations', async ({ page }) => {
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  const root = await rootId(page);
  const unit = await createUnit(page, root, 'Workloads');
  await createUnit(page, unit, 'Prod');
  const member = await createMember(page, 'Dev', 'dev@example.com');
  await call(page, 'MoveAccount', { AccountId: member, SourceParentId: root, DestinationParentId: unit });
  await call(page, 'TagResource', { ResourceId: member, Tags: [{ Key: 'env', Value: 'prod' }] });
  await call(page, 'EnablePolicyType', { RootId: root, PolicyType: 'SERVICE_CONTROL_POLICY' });
  await tree(page).getByRole('button', { name: 'Workloads', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Accounts in Workloads' })).toContainText('env=prod');

  const serious = async () =>
    (await new AxeBuilder({ page }).include('#organization-structure').include('#service-control-policies').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(await serious()).toEqual([]);

  await page.getByRole('button', { name: `Tags of ${member}` }).click();
  await expect(panel(page, `Tags of ${member}`)).toBeVisible();
  expect(await serious()).toEqual([]);

  await page.getByRole('button', { name: 'Create policy', exact: true }).click();
  const form = panel(page, 'Create policy');
  await form.getByLabel('Policy name', { exact: true }).fill('Broken');
  await form.getByRole('textbox', { name: 'Policy document' }).fill('{');
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(form.getByRole('textbox', { name: 'Policy document' })).toHaveAttribute('aria-invalid', 'true');
  expect(await serious()).toEqual([]);
  const whole = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(whole.map((v) => v.id)).toEqual([]);
});

test('the structure scenario: 5,000 accounts in 50 OUs, and its exercises tick off as a Sandbox OU is set up', async ({ page }) => {
  await page.goto('/?scenario=structure#/training');
  const goal = (text: string) => page.getByRole('listitem').filter({ hasText: text });
  // The link's own banner is a status too.
  const said = page.getByRole('status').filter({ hasNotText: 'Scenario loaded' });
  const goals = [
    'Create an organizational unit named Sandbox directly under the root',
    'Move a member account into the Sandbox OU',
    'Create a service control policy and attach it to the Sandbox OU',
    'Tag the Sandbox OU',
  ];
  for (const text of goals) await expect(goal(text)).toContainText('(not done yet)');

  await page.getByRole('tab', { name: 'Organization' }).click();
  const root = tree(page).getByRole('listitem').first();
  await expect(root).toContainText('5,001 accounts');
  await expect(tree(page).getByRole('button', { name: 'Security', exact: true })).toHaveAttribute('aria-expanded', 'false');
  await expect(tree(page).getByRole('listitem').filter({ hasText: 'Security' }).first()).toContainText('FullAWSAccess, DenyLeavingOrganization');

  await page.getByRole('button', { name: 'Create organizational unit' }).click();
  await panel(page, 'Create organizational unit').getByLabel('Name', { exact: true }).fill('Sandbox');
  await panel(page, 'Create organizational unit').getByRole('button', { name: 'Create', exact: true }).click();
  await expect(said).toContainText('Organizational unit Sandbox (');

  await page.getByRole('searchbox', { name: 'Filter accounts' }).fill('member-0001@');
  await expect(page.getByText('1 of 5,001 accounts match')).toBeVisible();
  const row = tree(page).getByRole('row').filter({ hasText: 'member-0001@example.com' });
  const member = (await row.getByRole('cell').first().textContent())!.trim();
  await page.getByRole('button', { name: `Move ${member}` }).click();
  await panel(page, `Move ${member}`).getByLabel('Destination', { exact: true }).selectOption({ label: 'Root / Sandbox' });
  await panel(page, `Move ${member}`).getByRole('button', { name: 'Move', exact: true }).click();
  await expect(said).toHaveText(`${member} moved to Root / Sandbox.`);
  await page.getByRole('searchbox', { name: 'Filter accounts' }).fill('');

  await page.getByRole('button', { name: 'Policies of Sandbox' }).click();
  const policies = panel(page, 'Policies of Sandbox');
  await policies.getByLabel('Policy', { exact: true }).selectOption({ label: 'DenyLeavingOrganization' });
  await policies.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(said).toHaveText('DenyLeavingOrganization attached to Sandbox.');
  await page.getByRole('button', { name: 'Tags of Sandbox' }).click();
  await panel(page, 'Tags of Sandbox').getByLabel('Tag key', { exact: true }).fill('purpose');
  await panel(page, 'Tags of Sandbox').getByLabel('Tag value', { exact: true }).fill('experiments');
  await panel(page, 'Tags of Sandbox').getByRole('button', { name: 'Add tag', exact: true }).click();
  await expect(said).toHaveText('Tag purpose added to Sandbox.');

  await page.getByRole('tab', { name: 'Training' }).click();
  for (const text of goals) await expect(goal(text)).toContainText('(done)');
});
