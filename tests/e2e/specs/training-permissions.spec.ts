import { expect, test, type Page } from '@playwright/test';
import { alert, fill, openTab, status } from './helpers';

// The permission scenarios of the Training tab (iam.md §8's example
// policies): each exercise is done through the page and ticks itself off.

const OPERATOR = 'arn:aws:iam::000000000000:user/operator';
const BILLING = 'arn:aws:iam::000000000000:user/billing';
const OU_ADMIN = 'arn:aws:iam::333333333333:user/ou-admin';
const PERSON = { Name: 'Pat Doe', Title: 'Lead', 'Email address': 'pat@example.com', 'Phone number': '+1 555-555-0100' };

async function loadScenario(page: Page, title: string) {
  await page.goto('/#/training');
  await page.getByRole('button', { name: `Load scenario: ${title}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Load', exact: true }).click();
  await expect(status(page)).toHaveText(`Scenario loaded: ${title}.`);
}

function exercise(page: Page, text: string) {
  return page.getByRole('listitem').filter({ hasText: text });
}

async function expectDone(page: Page, done: string[], notYet: string[]) {
  await openTab(page, 'Training');
  for (const text of done) await expect(exercise(page, text)).toContainText('(done)');
  for (const text of notYet) await expect(exercise(page, text)).toContainText('(not done yet)');
}

async function actAs(page: Page, value: string) {
  await page.getByRole('combobox', { name: 'Acting as' }).selectOption(value);
}

/** Saves a contact from the Alternate contacts tab, on `account` if given. */
async function saveContact(page: Page, type: string, account?: string) {
  await openTab(page, 'Alternate contacts');
  if (account) await page.getByRole('combobox', { name: 'Account', exact: true }).fill(account);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByLabel('Contact type', { exact: true }).selectOption(type);
  await fill(page, PERSON);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

async function saved(page: Page, type: string) {
  await expect(status(page).filter({ hasText: 'contact saved' })).toHaveText(`${type} contact saved.`);
}

async function refused(page: Page, text: string) {
  await expect(alert(page)).toContainText(text);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
}

test('read-only operator: reads are allowed, a save is refused by the identity policy, full access fixes it', async ({ page }) => {
  await loadScenario(page, 'Read-only operator');
  const goals = ['Choose operator under Acting as', 'As operator, save an alternate contact', 'attach AWSAccountManagementFullAccess to operator'];
  await expectDone(page, [], goals);

  await actAs(page, OPERATOR);
  await openTab(page, 'Console');
  const command = page.getByRole('textbox', { name: 'Command', exact: true });
  await command.fill('aws account get-alternate-contact --alternate-contact-type BILLING');
  await command.press('Enter');
  await expect(page.getByRole('log', { name: 'Console output' })).toContainText('"Name": "Bill Ing"');
  await expectDone(page, goals.slice(0, 1), goals.slice(1));

  await saveContact(page, 'SECURITY');
  await refused(page, `User: ${OPERATOR} is not authorized to perform: account:PutAlternateContact on resource: arn:aws:account::000000000000:account because no identity-based policy allows the account:PutAlternateContact action`);
  await expectDone(page, goals.slice(0, 2), goals.slice(2));

  await actAs(page, '000000000000');
  await openTab(page, 'Permissions');
  await page.getByRole('button', { name: 'Edit permissions of operator', exact: true }).click();
  const full = 'arn:aws:iam::aws:policy/AWSAccountManagementFullAccess';
  await page.getByRole('combobox', { name: 'Managed policy' }).selectOption(full);
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(status(page).filter({ hasText: 'Attached' })).toHaveText(`Attached ${full} to operator.`);
  await actAs(page, OPERATOR);
  await saveContact(page, 'SECURITY');
  await saved(page, 'SECURITY');
  await expectDone(page, goals, []);
});

test('billing contact only: BILLING is saved, OPERATIONS and a delete are refused by the condition', async ({ page }) => {
  await loadScenario(page, 'Billing contact only');
  const goals = ['create a BILLING contact in the Alternate contacts tab', 'As billing, create an OPERATIONS contact', 'As billing, delete the BILLING contact'];
  await expectDone(page, [], goals);

  await actAs(page, BILLING);
  await saveContact(page, 'BILLING');
  await saved(page, 'BILLING');
  await expectDone(page, goals.slice(0, 1), goals.slice(1));

  await saveContact(page, 'OPERATIONS');
  await refused(page, `User: ${BILLING} is not authorized to perform: account:PutAlternateContact on resource: arn:aws:account::000000000000:account because no identity-based policy allows the account:PutAlternateContact action`);
  await expectDone(page, goals.slice(0, 2), goals.slice(2));

  await openTab(page, 'Alternate contacts');
  await page.getByRole('button', { name: 'Delete BILLING contact', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(alert(page)).toContainText('because no identity-based policy allows the account:DeleteAlternateContact action');
  await expectDone(page, goals, []);
});

test('SCP: a member is refused its own contact by the SCP; the management account and the delegated admin are not', async ({ page }) => {
  await loadScenario(page, 'SCP: members cannot edit their own contacts');
  const goals = ['Choose the root user of 111111111111', 'Fix it without detaching the SCP', 'As the root user of 222222222222'];
  await expectDone(page, [], goals);

  await actAs(page, '111111111111');
  await saveContact(page, 'SECURITY');
  await refused(page, 'on resource: arn:aws:account::111111111111:account with an explicit deny in a service control policy');
  await expectDone(page, goals.slice(0, 1), goals.slice(1));

  await actAs(page, '000000000000');
  await saveContact(page, 'SECURITY', '111111111111');
  await saved(page, 'SECURITY');
  await expectDone(page, goals.slice(0, 2), goals.slice(2));

  await actAs(page, '222222222222');
  await saveContact(page, 'BILLING', '111111111111');
  await saved(page, 'BILLING');
  await expectDone(page, goals, []);
});

test('delegated administrator for one OU: allowed in Workloads, refused outside until the account moves in', async ({ page }) => {
  await loadScenario(page, 'Delegated administrator for one OU');
  const goals = ['choose 111111111111 (in Workloads)', 'choose 222222222222 (in Security)', 'move 222222222222 into Workloads'];
  await expectDone(page, [], goals);

  await actAs(page, OU_ADMIN);
  await saveContact(page, 'SECURITY', '111111111111');
  await saved(page, 'SECURITY');
  await expectDone(page, goals.slice(0, 1), goals.slice(1));

  await saveContact(page, 'SECURITY', '222222222222');
  await refused(page, `User: ${OU_ADMIN} is not authorized to perform: account:PutAlternateContact on resource: arn:aws:account::000000000000:account/`);
  await expectDone(page, goals.slice(0, 2), goals.slice(2));

  await actAs(page, '000000000000');
  await openTab(page, 'Organization');
  await page.getByRole('searchbox', { name: 'Filter accounts' }).fill('222222222222');
  await page.getByRole('button', { name: 'Move 222222222222', exact: true }).click();
  const move = page.getByRole('region', { name: 'Move 222222222222', exact: true });
  await move.getByLabel('Destination', { exact: true }).selectOption({ label: 'Root / Workloads' });
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(status(page).filter({ hasText: 'moved to' })).toHaveText('222222222222 moved to Root / Workloads.');

  await actAs(page, OU_ADMIN);
  await saveContact(page, 'SECURITY', '222222222222');
  await saved(page, 'SECURITY');
  await expectDone(page, goals, []);
});

test('a ?scenario= link loads a permission scenario with its exercises not done yet', async ({ page }) => {
  await page.goto('/?scenario=scp-own-contacts#/training');
  await expect(page.getByRole('status').filter({ hasText: 'Scenario loaded from the link' })).toBeVisible();
  for (const text of ['Choose the root user of 111111111111', 'Fix it without detaching the SCP', 'As the root user of 222222222222']) {
    await expect(exercise(page, text)).toContainText('(not done yet)');
  }
  await expect(page.getByRole('combobox', { name: 'Acting as' })).toHaveValue('000000000000');
});

test('an exercise ticked by a call stays ticked after a reload, though the activity log starts over', async ({ page }) => {
  await loadScenario(page, 'Billing contact only');
  const goals = ['create a BILLING contact in the Alternate contacts tab', 'As billing, create an OPERATIONS contact', 'As billing, delete the BILLING contact'];
  await actAs(page, BILLING);
  await saveContact(page, 'OPERATIONS');
  await refused(page, `User: ${BILLING} is not authorized to perform: account:PutAlternateContact`);

  // Reloaded before the Training tab was ever shown again.
  await page.reload();
  await expect(page.getByRole('tablist')).toBeVisible();
  await openTab(page, 'Activity');
  await expect(page.getByRole('list', { name: 'API calls' }).getByRole('listitem')).toHaveCount(0);
  await expectDone(page, goals.slice(1, 2), [goals[0], goals[2]]);

  await actAs(page, BILLING);
  await saveContact(page, 'BILLING');
  await saved(page, 'BILLING');
  await page.reload();
  await expect(page.getByRole('tablist')).toBeVisible();
  await expectDone(page, goals.slice(0, 2), goals.slice(2));
});
