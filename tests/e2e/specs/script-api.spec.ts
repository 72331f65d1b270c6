import { expect, test } from '@playwright/test';
import { call, open } from './helpers';

test('errors from window.accountSandbox.call match the spec', async ({ page }) => {
  await open(page);
  expect(await call(page, 'GetAlternateContact', { AlternateContactType: 'BILLING' })).toEqual({
    ok: false,
    error: {
      code: 'ResourceNotFoundException',
      message: 'No contact of the inputted alternate contact type found.',
      status: 404,
    },
  });
  expect(await call(page, 'DeleteAlternateContact', { AlternateContactType: 'billing' })).toEqual({
    ok: false,
    error: {
      code: 'AccessDeniedException',
      message:
        'User: arn:aws:iam::000000000000:root is not authorized to perform: account:DeleteAlternateContact (You specified an invalid Alternate Contact type.)',
      status: 403,
    },
  });
  expect(await call(page, 'EnableRegion', { RegionName: 'us-east-1' })).toEqual({
    ok: false,
    error: {
      code: 'ValidationException',
      message: 'Unable to switch region status because of its current opt-in status.',
      reason: 'invalidRegionOptTarget',
      fieldList: [{ name: 'RegionName', message: 'Unable to switch region status because of its current opt-in status.' }],
      status: 400,
    },
  });
  const unknown = await call(page, 'GetRegionOptStatus', { RegionName: 'mars-north-1' });
  expect(unknown.error.code).toBe('ValidationException');
  expect(unknown.error.message).toBe('mars-north-1 is not a valid region for opt-in or opt-out.');
  expect(unknown.error.reason).toBe('fieldValidationFailed');
  const upper = await call(page, 'EnableRegion', { RegionName: 'AF-SOUTH-1' });
  expect(upper.error.message).toBe(
    'User: arn:aws:iam::000000000000:root is not authorized to perform: account:EnableRegion (You specified an invalid target region.)',
  );
  const filter = await call(page, 'ListRegions', { RegionOptStatusContains: ['ON'] });
  expect(filter.error.message).toBe(
    '[instance value ("ON") not found in enum (possible values: ["ENABLED","ENABLING","DISABLING","DISABLED","ENABLED_BY_DEFAULT"])]',
  );
  const token = await call(page, 'ListRegions', { NextToken: 'garbage' });
  expect(token.error.message).toBe('NextToken is malformed');
  const name = await call(page, 'PutAccountName', { AccountName: '   ' });
  // An untyped 400, as the service answers it: no x-amzn-ErrorType, so no named code.
  expect(name.error).toEqual({ code: '400', message: 'The input AccountName must not be null or only whitespace.', status: 400 });
  const op = await call(page, 'NoSuchOperation', {});
  expect(op.error.code).toBe('UnknownOperationException');
});

test('outputs of window.accountSandbox.call and the page agree', async ({ page }) => {
  await open(page, '/alternate-contacts');
  const put = await call(page, 'PutAlternateContact', {
    AlternateContactType: 'SECURITY', Name: 'Script Kiddo', Title: 'Automation',
    EmailAddress: '  bot@example.com  ', PhoneNumber: '+1 555 0199',
  });
  expect(put).toEqual({ ok: true, output: {} });
  // The page reflects the change at once.
  await expect(page.getByRole('table')).toContainText('Script Kiddo');
  const got = await call(page, 'GetAlternateContact', { AlternateContactType: 'SECURITY' });
  expect(got.output.AlternateContact).toEqual({
    AlternateContactType: 'SECURITY', Name: 'Script Kiddo', Title: 'Automation',
    EmailAddress: 'bot@example.com', PhoneNumber: '+1 555 0199',
  });
  const pages = [];
  let token;
  do {
    const res = await call(page, 'ListRegions', token ? { NextToken: token } : {});
    pages.push(res.output.Regions.length);
    token = res.output.NextToken;
  } while (token);
  expect(pages).toEqual([20, 14]);
  const info = await call(page, 'GetAccountInformation');
  expect(info.output.AccountId).toBe('000000000000');
  expect(info.output.AccountState).toBe('ACTIVE');
});
