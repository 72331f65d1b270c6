import { expect, test, type Page } from '@playwright/test';
import { alert, call, open, openTab, status } from './helpers';

/** A member account made as a script would: CreateAccount answers IN_PROGRESS, Describe has the outcome. */
async function createMember(page: Page, name: string, email: string) {
  const started = await call(page, 'CreateAccount', { AccountName: name, Email: email });
  expect(started.output.CreateAccountStatus.State).toBe('IN_PROGRESS');
  const outcome = await call(page, 'DescribeCreateAccountStatus', {
    CreateAccountRequestId: started.output.CreateAccountStatus.Id,
  });
  expect(outcome.output.CreateAccountStatus.State).toBe('SUCCEEDED');
  return outcome.output.CreateAccountStatus.AccountId as string;
}

function panel(page: Page, id: string) {
  return page.getByRole('region', { name: `Primary email of ${id}` });
}

test('change a member account primary email with the one-time password from the Inbox', async ({ page }) => {
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  const id = await createMember(page, 'Dev', 'dev@example.com');
  const members = page.getByRole('table', { name: 'Member accounts' });
  await expect(members).toHaveAttribute('aria-rowcount', '3');
  // The management account's own email cannot be changed by API.
  await expect(page.getByRole('button', { name: 'Change primary email of 000000000000' })).toHaveCount(0);

  await page.getByRole('button', { name: `Change primary email of ${id}` }).click();
  const change = panel(page, id);
  await expect(change.getByRole('heading', { name: `Primary email of ${id}` })).toBeFocused();
  // The engine decides: without trusted access, its AccessDenied.
  await expect(change).toContainText(
    'AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to perform: account:GetPrimaryEmail (Your organization must first enable trusted access with AWS Account Management.)',
  );
  await page.getByRole('button', { name: 'Enable trusted access' }).click();
  await expect(change).toContainText('dev@example.com');
  await expect(change.getByText('None started', { exact: true })).toBeVisible();
  await expect(change.getByLabel('One-time password')).toHaveCount(0);

  await change.getByLabel('New primary email', { exact: true }).fill('new-dev@example.com');
  await change.getByRole('button', { name: 'Send code', exact: true }).click();
  await expect(status(page)).toHaveText(
    'One-time password sent to new-dev@example.com. The sandbox keeps the mail in the Inbox tab.',
  );
  await expect(change.getByText('PENDING', { exact: true })).toBeVisible();

  await openTab(page, 'Inbox');
  const mail = page
    .getByRole('table', { name: 'Messages' })
    .getByRole('row')
    .filter({ hasText: 'Primary email one-time password' });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText('new-dev@example.com');
  await expect(mail).toContainText(id);
  const otp = (await mail.getByRole('cell').nth(4).textContent())!.trim();
  expect(otp).toMatch(/^[A-Z0-9]{6}$/);

  // The panel and the address typed outlive the visit to the Inbox.
  await openTab(page, 'Organization');
  await expect(change.getByLabel('New primary email', { exact: true })).toHaveValue('new-dev@example.com');
  const password = change.getByLabel('One-time password', { exact: true });
  await password.fill(otp === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
  await change.getByRole('button', { name: 'Accept update', exact: true }).click();
  await expect(alert(page)).toHaveText('ValidationException: The one-time password is incorrect or has expired.');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await password.getAttribute('aria-describedby')}`)).toHaveText(
    'The one-time password is incorrect or has expired.',
  );

  await password.fill(otp);
  await change.getByRole('button', { name: 'Accept update', exact: true }).click();
  await expect(status(page)).toHaveText(`Primary email update of ${id} accepted; it completes by itself.`);
  await expect(change.getByText('ACCEPTED', { exact: true })).toBeVisible();
  // Demo speed completes the update 5 s later: the completion timer shows it, no reload.
  await expect(change.getByText('COMPLETED', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(change).toContainText('new-dev@example.com');
  await expect(members.getByRole('row').filter({ hasText: id })).toContainText('new-dev@example.com');

  await change.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(change).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Change primary email of ${id}` })).toBeFocused();

  // The console and Activity know the operations.
  await openTab(page, 'Console');
  const line = page.getByRole('textbox', { name: 'Command', exact: true });
  const log = page.getByRole('log', { name: 'Console output' });
  await line.fill(`aws account get-primary-email --account-id ${id} --output text`);
  await line.press('Enter');
  await expect(log).toContainText('new-dev@example.com');
  await line.fill(`aws account get-primary-email-update-status --account-id ${id}`);
  await line.press('Enter');
  await expect(log).toContainText('"Status": "COMPLETED"');
  await openTab(page, 'Activity');
  const calls = page.getByRole('list', { name: 'API calls' }).getByRole('listitem');
  await expect(calls.filter({ hasText: 'StartPrimaryEmailUpdate' })).toContainText(
    `aws account start-primary-email-update --account-id ${id} --primary-email new-dev@example.com`,
  );
});

test('the delegated administrator changes a member email; another member is refused with the bare message', async ({ page }) => {
  await open(page, '/organization');
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  await call(page, 'EnableAWSServiceAccess', { ServicePrincipal: 'account.amazonaws.com' });
  const admin = await createMember(page, 'Admin', 'admin@example.com');
  const dev = await createMember(page, 'Dev', 'dev@example.com');
  await call(page, 'RegisterDelegatedAdministrator', { AccountId: admin, ServicePrincipal: 'account.amazonaws.com' });

  const acting = page.getByRole('combobox', { name: 'Acting as' });
  await acting.selectOption(dev);
  await page.getByRole('button', { name: `Change primary email of ${admin}` }).click();
  await expect(panel(page, admin)).toContainText(
    `AccessDeniedException: User: arn:aws:iam::${dev}:root is not authorized to perform: account:GetPrimaryEmail`,
  );
  await panel(page, admin).getByLabel('New primary email', { exact: true }).fill('boss@example.com');
  await panel(page, admin).getByRole('button', { name: 'Send code', exact: true }).click();
  await expect(alert(page)).toHaveText(
    `AccessDeniedException: User: arn:aws:iam::${dev}:root is not authorized to perform: account:StartPrimaryEmailUpdate`,
  );
  await panel(page, admin).getByRole('button', { name: 'Close', exact: true }).click();

  await acting.selectOption(admin);
  await page.getByRole('button', { name: `Change primary email of ${dev}` }).click();
  const change = panel(page, dev);
  await expect(change).toContainText('dev@example.com');
  await change.getByLabel('New primary email', { exact: true }).fill('admin@example.com');
  await change.getByRole('button', { name: 'Send code', exact: true }).click();
  await expect(alert(page)).toHaveText('ConflictException: The email address is already in use by another account.');
  await change.getByLabel('New primary email', { exact: true }).fill('dev2@example.com');
  await change.getByRole('button', { name: 'Send code', exact: true }).click();
  await expect(change.getByText('PENDING', { exact: true })).toBeVisible();
  const [mail] = await page.evaluate(() => (window as any).accountSandbox.inbox());
  expect(mail).toMatchObject({ AccountId: dev, To: 'dev2@example.com', Kind: 'PrimaryEmailOtp' });
  await change.getByLabel('One-time password', { exact: true }).fill(mail.Code);
  await change.getByRole('button', { name: 'Accept update', exact: true }).click();
  await expect(change.getByText('COMPLETED', { exact: true })).toBeVisible({ timeout: 20_000 });
  const got = await call(page, 'GetPrimaryEmail', { AccountId: dev });
  expect(got.output).toEqual({ PrimaryEmail: 'dev2@example.com' });
});
