import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { call, createAlternateContact, open, status } from './helpers';

test('export, reset and import bring back the same state', async ({ page }, info) => {
  await open(page, '/alternate-contacts');
  await createAlternateContact(page, 'SECURITY', {
    Name: 'Sam Secure', Title: 'CISO', 'Email address': 'sec@example.com', 'Phone number': '+1 555 0100',
  });
  await call(page, 'EnableRegion', { RegionName: 'af-south-1' });
  await page.getByRole('tab', { name: 'Training' }).click();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = info.outputPath('state.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.schemaVersion).toBe(1);

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(status(page)).toHaveText('The sandbox was reset.');
  expect((await call(page, 'GetAlternateContact', { AlternateContactType: 'SECURITY' })).ok).toBe(false);

  await page.getByLabel('Import').setInputFiles(file);
  await expect(status(page)).toHaveText('State imported from state.json.');
  const got = await call(page, 'GetAlternateContact', { AlternateContactType: 'SECURITY' });
  expect(got.output.AlternateContact.Name).toBe('Sam Secure');
  const region = await call(page, 'GetRegionOptStatus', { RegionName: 'af-south-1' });
  expect(['ENABLING', 'ENABLED']).toContain(region.output.RegionOptStatus);
  await page.getByRole('tab', { name: 'Alternate contacts' }).click();
  await expect(page.getByRole('table')).toContainText('Sam Secure');
});

test('a bad import is refused with a clear error and changes nothing', async ({ page }, info) => {
  await open(page);
  await call(page, 'PutAccountName', { AccountName: 'Keep me' });
  await page.getByRole('tab', { name: 'Training' }).click();
  for (const [name, text, message] of [
    ['broken.json', '{"schemaVersion": 1, "accounts": ', 'not valid JSON'],
    ['future.json', '{"schemaVersion": 2, "accounts": {}}', 'schemaVersion 2'],
    ['other.json', '{"hello": "world"}', 'schemaVersion'],
  ]) {
    const file = info.outputPath(name);
    writeFileSync(file, text);
    await page.getByLabel('Import').setInputFiles(file);
    await expect(page.getByRole('alert').filter({ hasText: 'Import failed' })).toContainText(message);
    const account = await call(page, 'GetAccountInformation');
    expect(account.output.AccountName).toBe('Keep me');
  }
});

test('a scenario loads, and its exercise checkmarks follow the state', async ({ page }) => {
  await open(page, '/training');
  await page.getByRole('button', { name: 'Load scenario: A standalone account with contacts' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Load', exact: true }).click();
  await expect(status(page)).toHaveText('Scenario loaded: A standalone account with contacts.');
  const goal = page.getByRole('listitem').filter({ hasText: 'Delete the OPERATIONS alternate contact' });
  await expect(goal).toContainText('(not done yet)');
  await call(page, 'DeleteAlternateContact', { AlternateContactType: 'OPERATIONS' });
  await expect(goal).toContainText('(done)');
  await expect(goal).toHaveClass(/met/);
});

test('a link with ?scenario= loads the scenario and keeps the old state as a backup', async ({ page }) => {
  await open(page);
  await call(page, 'PutAccountName', { AccountName: 'Before the link' });
  await page.goto('/?scenario=standalone#/contact-information');
  await expect(page.getByRole('status').filter({ hasText: 'Scenario loaded from the link' })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('Jane Doe');
  await expect(page).toHaveURL(/\/#\/contact-information$/);
  const backup = await page.evaluate(() => localStorage.getItem('account-sandbox:v1:backup'));
  expect(backup).toContain('Before the link');
  await page.reload();
  await expect(page.getByText('Scenario loaded from the link')).toHaveCount(0);
});

test('the verification scenario: its exercises tick off as phone numbers are verified and a member email changes', async ({ page }) => {
  await page.goto('/?scenario=verification#/training');
  const own = page.getByRole('listitem').filter({ hasText: 'Verify the phone number of your contact information' });
  const member = page.getByRole('listitem').filter({ hasText: 'Verify the phone number of a member account' });
  const email = page.getByRole('listitem').filter({ hasText: 'Change the primary email of a member account' });
  for (const goal of [own, member, email]) await expect(goal).toContainText('(not done yet)');

  const newest = () => page.evaluate(() => (window as any).accountSandbox.inbox().then((m: any[]) => m[m.length - 1]));
  await call(page, 'SendPhoneNumberVerification');
  await call(page, 'VerifyPhoneNumber', { Otp: (await newest()).Code });
  await expect(own).toContainText('(done)');
  await call(page, 'SendPhoneNumberVerification', { AccountId: '222222222222' });
  await call(page, 'VerifyPhoneNumber', { AccountId: '222222222222', Otp: (await newest()).Code });
  await expect(member).toContainText('(done)');

  const update = { AccountId: '111111111111', PrimaryEmail: 'new-dev@example.com' };
  expect((await call(page, 'StartPrimaryEmailUpdate', update)).output).toEqual({ Status: 'PENDING' });
  const accepted = await call(page, 'AcceptPrimaryEmailUpdate', { ...update, Otp: (await newest()).Code });
  expect(accepted.output).toEqual({ Status: 'ACCEPTED' });
  await expect(email).toContainText('(not done yet)');
  // Demo speed: the update completes 5 s later, and the checkmark follows by itself.
  await expect(email).toContainText('(done)', { timeout: 20_000 });

  const gov = await call(page, 'GetGovCloudAccountInformation', { StandardAccountId: '333333333333' });
  expect(gov.output.AccountState).toBe('ACTIVE');
});
