import { expect, test, type Page } from '@playwright/test';
import { call, open } from './helpers';

const CONTACT = {
  FullName: 'Jane Doe', AddressLine1: '410 Terry Ave N', City: 'Seattle', StateOrRegion: 'WA',
  PostalCode: '98109', CountryCode: 'US', PhoneNumber: '+1 206-555-0100',
};

function inbox(page: Page) {
  return page.evaluate(() => (window as any).accountSandbox.inbox());
}

test('the Inbox tab lists what the sandbox sent, newest first; accountSandbox.inbox() oldest first', async ({ page }) => {
  await open(page, '/inbox');
  await expect(page.getByRole('tab', { name: 'Inbox', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No messages yet')).toBeVisible();
  expect(await inbox(page)).toEqual([]);

  await call(page, 'PutContactInformation', { ContactInformation: CONTACT });
  await call(page, 'SendPhoneNumberVerification');
  // The tab follows the engine without a reload.
  const table = page.getByRole('table', { name: 'Messages' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(1);
  await call(page, 'SendPhoneNumberVerification');
  await expect(rows).toHaveCount(2);

  const messages = await inbox(page);
  expect(messages).toHaveLength(2);
  for (const message of messages) {
    expect(Object.keys(message).sort()).toEqual(['AccountId', 'Code', 'Kind', 'SentAt', 'To']);
    expect(message).toMatchObject({ AccountId: '000000000000', To: '+1 206-555-0100', Kind: 'PhoneVerificationCode' });
    expect(message.SentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  }
  await expect(table.getByRole('columnheader')).toHaveText(['Sent', 'Recipient', 'Account ID', 'Purpose', 'Code']);
  await expect(rows.nth(0).getByRole('cell')).toHaveText([
    messages[1].SentAt, '+1 206-555-0100', '000000000000', 'Phone verification code', messages[1].Code,
  ]);
  await expect(rows.nth(1).getByRole('cell').nth(4)).toHaveText(messages[0].Code);

  // A new code voids the earlier one: only the newest verifies.
  if (messages[0].Code !== messages[1].Code) {
    const stale = await call(page, 'VerifyPhoneNumber', { Otp: messages[0].Code });
    expect(stale.error.code).toBe('ValidationException');
  }
  expect((await call(page, 'VerifyPhoneNumber', { Otp: messages[1].Code })).output).toEqual({ Status: 'VERIFIED' });

  // The inbox is part of the saved state.
  await page.reload();
  await expect(rows).toHaveCount(2);
  expect(await inbox(page)).toEqual(messages);
});
