import { expect, test } from '@playwright/test';
import { alert, call, fill, open, status } from './helpers';

test('switch caller, hit an AccessDenied, enable trusted access, run the bulk job on 200 accounts', async ({ page }) => {
  await open(page, '/organization');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(status(page)).toContainText('Organization o-');

  await page.getByLabel('Number of accounts').fill('200');
  await page.getByRole('button', { name: 'Generate accounts' }).click();
  await expect(status(page)).toHaveText('200 accounts created.', { timeout: 20_000 });
  await page.getByLabel('Number of accounts').fill('0');
  await page.getByRole('button', { name: 'Generate accounts' }).click();
  await expect(alert(page)).toHaveText('Number of accounts: enter a whole number from 1 to 5000.');
  const members = page.getByRole('table', { name: 'Member accounts' });
  await expect(members).toHaveAttribute('aria-rowcount', '202');

  // A member account may not act on others: the real AccessDenied.
  const acting = page.getByRole('combobox', { name: 'Acting as' });
  const memberId = (await members.getByRole('row').nth(2).getByRole('cell').first().textContent())!.trim();
  await acting.selectOption(memberId);
  await page.getByRole('tab', { name: 'Alternate contacts' }).click();
  const other = (await call(page, 'ListAccounts')).ok;
  expect(other).toBe(false);
  // A plain member naming an account gets the bare refusal, without a reason.
  const refused = await call(page, 'GetAlternateContact', { AccountId: '000000000000', AlternateContactType: 'BILLING' });
  expect(refused.error).toEqual({
    code: 'AccessDeniedException',
    message: `User: arn:aws:iam::${memberId}:root is not authorized to perform: account:GetAlternateContact`,
    status: 403,
  });

  // The management account without trusted access is refused, with the spec's message.
  await acting.selectOption('000000000000');
  await page.getByRole('combobox', { name: 'Account' }).fill(memberId);
  await expect(page.getByRole('combobox', { name: 'Account' })).toHaveValue(memberId);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await fill(page, { Name: 'Sam', Title: 'CISO', 'Email address': 'sec@example.com', 'Phone number': '+1 555 0100' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(alert(page)).toHaveText(
    'AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to perform: account:PutAlternateContact (Your organization must first enable trusted access with AWS Account Management.)',
  );
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();

  await page.getByRole('tab', { name: 'Organization' }).click();
  await page.getByRole('button', { name: 'Enable trusted access' }).click();
  await expect(status(page)).toHaveText('Trusted access for AWS Account Management enabled.');
  await expect(page.getByRole('button', { name: 'Disable trusted access' })).toBeVisible();

  await page.getByLabel('Contact type').selectOption('SECURITY');
  // A contact the service refuses stops the job at its fields after one call.
  await fill(page, { Name: 'Sam Secure', Title: 'CISO', 'Email address': 'not an email', 'Phone number': '+1 555 0100' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(alert(page)).toContainText('ValidationException');
  const email = page.getByLabel('Email address', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('table', { name: 'Bulk results' })).toHaveCount(0);

  await email.fill('security@example.com');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText('Finished: 200 succeeded, 0 failed.', { timeout: 30_000 });
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  const results = page.getByRole('table', { name: 'Bulk results' });
  await expect(results).toHaveAttribute('aria-rowcount', '201');
  await expect(results.getByRole('row').nth(1)).toContainText('SUCCEEDED');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
  const lines = csv.trim().split('\r\n');
  expect(lines).toHaveLength(201);
  expect(lines[0]).toBe('AccountId,AccountName,Result,ErrorCode,Message');
  expect(lines.slice(1).every((l) => l.includes(',SUCCEEDED,'))).toBe(true);

  // The engine now answers for a member through the organizations context.
  const got = await call(page, 'GetAlternateContact', { AccountId: memberId, AlternateContactType: 'SECURITY' });
  expect(got.output.AlternateContact.Name).toBe('Sam Secure');
});

test('the member table scrolls through thousands of accounts', async ({ page }) => {
  // Generating 1,500 accounts is two calls each and a tree rebuilt per
  // slice: on a loaded 2-core machine that can take longer than the default.
  test.setTimeout(90_000);
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  await page.getByLabel('Number of accounts').fill('1500');
  await page.getByRole('button', { name: 'Generate accounts' }).click();
  await expect(status(page)).toHaveText('1500 accounts created.', { timeout: 60_000 });
  const table = page.getByRole('table', { name: 'Member accounts' });
  await expect(table).toHaveAttribute('aria-rowcount', '1502');
  expect(await table.getByRole('row').count()).toBeLessThan(40);
  await page.getByRole('region', { name: 'Member accounts', exact: true }).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table.getByRole('row').last()).toHaveAttribute('aria-rowindex', '1502');
  await page.getByRole('searchbox', { name: 'Search' }).fill('-1500@');
  await expect(table).toHaveAttribute('aria-rowcount', '2');
  await expect(table).toContainText('-1500@example.com');
  // The filtered list follows the organization's: a new match joins it, and
  // clearing the search shows every member again.
  await call(page, 'CreateAccount', { AccountName: 'Extra', Email: 'extra-1500@example.com' });
  await expect(table).toHaveAttribute('aria-rowcount', '3');
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(table).toHaveAttribute('aria-rowcount', '1503');
});

test('the organization scenario: 1,000 members, and its exercises turn green as the bulk job and trusted access meet them', async ({ page }) => {
  await page.goto('/?scenario=organization#/training');
  const trusted = page.getByRole('listitem').filter({ hasText: 'Enable trusted access for AWS Account Management' });
  const security = page.getByRole('listitem').filter({ hasText: 'Set a security contact on every member account' });
  await expect(trusted).toContainText('(not done yet)');
  await expect(security).toContainText('(not done yet)');

  await page.getByRole('tab', { name: 'Organization' }).click();
  await expect(page.getByRole('table', { name: 'Member accounts' })).toHaveAttribute('aria-rowcount', '1002');
  await page.getByRole('button', { name: 'Enable trusted access' }).click();
  await page.getByLabel('Contact type').selectOption('SECURITY');
  await fill(page, { Name: 'Sam Secure', Title: 'CISO', 'Email address': 'security@example.com', 'Phone number': '+1 555 0100' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page).filter({ hasText: 'Finished:' })).toHaveText('Finished: 1000 succeeded, 0 failed.', { timeout: 30_000 });

  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(trusted).toContainText('(done)');
  await expect(security).toContainText('(done)');
});

test('Cancel stops the bulk job between slices; the results say what was done', async ({ page }) => {
  await page.goto('/?scenario=organization#/organization');
  await page.getByRole('button', { name: 'Enable trusted access' }).click();
  await fill(page, { Name: 'Sam Secure', Title: 'CISO', 'Email address': 'security@example.com', 'Phone number': '+1 555 0100' });
  const bulk = page.getByRole('region', { name: 'Set alternate contact for all member accounts' });
  const run = await bulk.getByRole('button', { name: 'Run', exact: true }).elementHandle();
  const cancel = await bulk.getByRole('button', { name: 'Cancel', exact: true }).elementHandle();
  // The job yields to the browser after each slice of work; a timer set
  // right after the click fires at the first yield, before the job is done.
  await page.evaluate(async ([run, cancel]) => {
    (run as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    (cancel as HTMLElement).click();
  }, [run, cancel]);
  const cancelled = status(page).filter({ hasText: 'Cancelled:' });
  await expect(cancelled).toHaveText(/^Cancelled: \d+ succeeded, 0 failed\.$/);
  const done = Number((await cancelled.textContent())!.match(/\d+/)![0]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(1000);
  await expect(page.getByRole('table', { name: 'Bulk results' })).toHaveAttribute('aria-rowcount', String(done + 1));

  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Set a security contact on every member account' })).toContainText('(not done yet)');
});

test('Create account reports the outcome of the request: the new account, or why it FAILED', async ({ page }) => {
  await open(page, '/organization');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.getByLabel('Account name', { exact: true }).fill('Dev');
  await page.getByLabel('Email', { exact: true }).fill('dev@example.com');
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expect(status(page)).toHaveText(/^Account \d{12} created\.$/);
  const id = (await status(page).textContent())!.match(/\d{12}/)![0];
  await expect(page.getByRole('table', { name: 'Member accounts' })).toContainText(id);
  await expect(page.getByLabel('Account name', { exact: true })).toHaveValue('');

  // CreateAccount answers IN_PROGRESS even for an email in use; the request then FAILED.
  await page.getByLabel('Account name', { exact: true }).fill('Dev again');
  await page.getByLabel('Email', { exact: true }).fill('dev@example.com');
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expect(alert(page)).toHaveText('CreateAccount failed: EMAIL_ALREADY_EXISTS');
  await expect(page.getByRole('table', { name: 'Member accounts' })).toHaveAttribute('aria-rowcount', '3');

  await page.getByRole('tab', { name: 'Activity' }).click();
  const calls = page.getByRole('list', { name: 'API calls' }).getByRole('listitem');
  await expect(calls.nth(0).getByRole('heading')).toHaveText('DescribeCreateAccountStatus');
  await expect(calls.nth(1).getByRole('heading')).toHaveText('CreateAccount');
});

test('the Account field offers the first 20 matching members of 1,000, chooses on an exact id, and blank is standalone', async ({ page }) => {
  await open(page, '/regions', '/?scenario=organization');
  const field = page.getByRole('combobox', { name: 'Account' });
  await expect(field).toHaveAccessibleDescription('Blank: this account, standalone. Or an account ID of its organization.');
  await expect(field).toHaveValue('');
  const offered = () => page.locator('#target-account-choices option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  // Listed once the field has focus, where alone a browser shows them.
  expect(await offered()).toEqual([]);
  await field.focus();
  await expect.poll(async () => (await offered()).length).toBe(20);

  const { output } = await call(page, 'ListAccounts', { MaxResults: 20 });
  const member = output.Accounts.map((a: { Id: string }) => a.Id).filter((id: string) => id !== '000000000000').pop();
  await field.fill(member.slice(0, 11));
  await expect.poll(offered).toContain(member);
  await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(0);

  // An exact member id chooses it at once (the organization and
  // phone-verification journeys check the engine's answers for the chosen
  // member); the choice follows the resource tabs, and blank is standalone.
  await field.fill(member);
  await page.getByRole('tab', { name: 'Alternate contacts', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Account' })).toHaveValue(member);
  await page.getByRole('combobox', { name: 'Account' }).fill('');
  await page.getByRole('tab', { name: 'Regions', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Account' })).toHaveValue('');
});
