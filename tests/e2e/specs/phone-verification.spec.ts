import { expect, test, type Page } from '@playwright/test';
import { alert, call, CONTACT, fill, open, openTab, status } from './helpers';

const WRONG_CODE = 'ValidationException: The verification code is incorrect or has expired.';

function section(page: Page) {
  return page.getByRole('region', { name: 'Phone verification' });
}

/** The newest phone verification code the Inbox tab shows for `to`. */
async function codeInInbox(page: Page, to: string, account: string) {
  await openTab(page, 'Inbox');
  const message = page
    .getByRole('table', { name: 'Messages' })
    .getByRole('row')
    .filter({ hasText: 'Phone verification code' })
    .filter({ hasText: to })
    .first();
  await expect(message).toContainText(account);
  const code = (await message.getByRole('cell').nth(4).textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

test('verify the phone number with the code from the Inbox; a wrong code is announced at its input', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await fill(page, CONTACT);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText('Contact information saved.');

  await expect(page.getByText('Phone verification', { exact: true })).toBeVisible();
  await expect(section(page).getByText('UNVERIFIED', { exact: true })).toBeVisible();
  await expect(section(page).getByLabel('Verification code')).toHaveCount(0);
  await section(page).getByRole('button', { name: 'Verify phone number' }).click();
  await expect(status(page)).toHaveText(
    'Verification code sent to the phone number on file. The sandbox keeps the text message in the Inbox tab.',
  );

  // Phone codes are digits, so letters are always wrong.
  const input = section(page).getByLabel('Verification code', { exact: true });
  await input.fill('ABCDEF');
  await section(page).getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(alert(page)).toHaveText(WRONG_CODE);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await input.getAttribute('aria-describedby')}`)).toHaveText(
    'The verification code is incorrect or has expired.',
  );

  const code = await codeInInbox(page, '+1 206-555-0100', '000000000000');
  // The code input waits for the person to come back with the code.
  await openTab(page, 'Contact information');
  await input.fill(code);
  await section(page).getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(status(page)).toHaveText('Phone number verified.');
  await expect(section(page).getByText('VERIFIED', { exact: true })).toBeVisible();
  await expect(section(page).getByRole('button', { name: 'Verify phone number' })).toHaveCount(0);
  await expect(section(page).getByLabel('Verification code')).toHaveCount(0);
  expect((await call(page, 'GetContactInformation')).output.VerificationStatus).toBe('VERIFIED');

  // The status describes the number on file: a new number is unverified again.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Phone number', { exact: true }).fill('+1 206-555-0199');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(section(page).getByText('UNVERIFIED', { exact: true })).toBeVisible();
  await expect(section(page).getByRole('button', { name: 'Verify phone number' })).toBeVisible();
});

test("the management account verifies a member's phone number in the organizations context", async ({ page }) => {
  await open(page);
  await call(page, 'PutContactInformation', {
    ContactInformation: {
      FullName: 'Jane Doe', AddressLine1: '410 Terry Ave N', City: 'Seattle', StateOrRegion: 'WA',
      PostalCode: '98109', CountryCode: 'US', PhoneNumber: '+1 206-555-0100',
    },
  });
  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  const started = await call(page, 'CreateAccount', { AccountName: 'Dev', Email: 'dev@example.com' });
  expect(started.output.CreateAccountStatus.State).toBe('IN_PROGRESS');
  const outcome = await call(page, 'DescribeCreateAccountStatus', {
    CreateAccountRequestId: started.output.CreateAccountStatus.Id,
  });
  expect(outcome.output.CreateAccountStatus.State).toBe('SUCCEEDED');
  const member = outcome.output.CreateAccountStatus.AccountId;

  // Without trusted access the engine refuses the read: no contact, no section.
  await page.getByRole('combobox', { name: 'Account' }).fill(member);
  await expect(page.getByRole('tabpanel')).toContainText(
    'AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to perform: account:GetContactInformation (Your organization must first enable trusted access with AWS Account Management.)',
  );
  await expect(section(page)).toHaveCount(0);
  await call(page, 'EnableAWSServiceAccess', { ServicePrincipal: 'account.amazonaws.com' });

  // A created member starts with the management account's contact, under its own name.
  await expect(page.getByRole('tabpanel').getByRole('definition').getByText('Dev', { exact: true })).toBeVisible();
  await section(page).getByRole('button', { name: 'Verify phone number' }).click();
  await expect(status(page)).toContainText('Verification code sent');
  const inbox = await page.evaluate(() => (window as any).accountSandbox.inbox());
  expect(inbox).toHaveLength(1);
  expect(inbox[0]).toMatchObject({ AccountId: member, To: '+1 206-555-0100', Kind: 'PhoneVerificationCode' });
  await section(page).getByLabel('Verification code', { exact: true }).fill(inbox[0].Code);
  await section(page).getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(section(page).getByText('VERIFIED', { exact: true })).toBeVisible();

  // The number is verified for the member only.
  await page.getByRole('combobox', { name: 'Account' }).fill('');
  await expect(section(page).getByText('UNVERIFIED', { exact: true })).toBeVisible();
  await expect(section(page).getByLabel('Verification code')).toHaveCount(0);
});
