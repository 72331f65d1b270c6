import { expect, test } from '@playwright/test';
import { alert, call, createAlternateContact, open, status } from './helpers';

test('calls from forms and scripts are logged newest first and can be filtered', async ({ page }) => {
  await open(page, '/alternate-contacts');
  await createAlternateContact(page, 'BILLING', {
    Name: 'Bill', Title: 'Payer', 'Email address': 'bill@example.com', 'Phone number': '+1 555 0100',
  });
  await call(page, 'GetAlternateContact', { AlternateContactType: 'SECURITY' });
  await call(page, 'GetRegionOptStatus', { RegionName: 'af-south-1' });
  await page.getByRole('tab', { name: 'Activity' }).click();

  const list = page.getByRole('list', { name: 'API calls' });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0).getByRole('heading')).toHaveText('GetRegionOptStatus');
  await expect(items.nth(1)).toContainText('404 ResourceNotFoundException');
  await expect(items.nth(2)).toContainText('PutAlternateContact');
  await expect(items.nth(2)).toContainText('from the page');
  await expect(items.nth(1)).toContainText('from the script');

  await items.nth(1).getByText('Request and response').click();
  await expect(items.nth(1)).toContainText('"AlternateContactType": "SECURITY"');
  await expect(items.nth(1)).toContainText('No contact of the inputted alternate contact type found.');

  await page.getByRole('combobox', { name: 'Filter by outcome' }).selectOption('failed');
  await expect(items).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Filter by outcome' }).selectOption('');
  await page.getByRole('combobox', { name: 'Filter by operation' }).selectOption('PutAlternateContact');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('200 OK');
});

test('API calls show the AWS CLI command and boto3 snippet, and copy them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/alternate-contacts');
  await createAlternateContact(page, 'BILLING', {
    Name: 'Bill', Title: 'Payer', 'Email address': 'bill@example.com', 'Phone number': '+1 555 0100',
  });
  await call(page, 'GetAlternateContact', { AccountId: '111111111111', AlternateContactType: 'SECURITY' });
  await call(page, 'ListAccounts');
  await page.getByRole('tab', { name: 'Activity' }).click();
  const items = page.getByRole('list', { name: 'API calls' }).getByRole('listitem');
  await expect(items).toHaveCount(3);

  const put = items.nth(2);
  const putCli =
    "aws account put-alternate-contact --alternate-contact-type BILLING --email-address bill@example.com --name Bill --phone-number '+1 555 0100' --title Payer";
  await expect(put).toContainText(putCli);
  await put.getByRole('button', { name: 'Copy AWS CLI command' }).click();
  await expect(status(page)).toHaveText('Copied the AWS CLI command to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(putCli);

  // A call that names an account gets --account-id.
  const get = items.nth(1);
  await expect(get).toContainText(
    'aws account get-alternate-contact --account-id 111111111111 --alternate-contact-type SECURITY',
  );
  const snippet =
    'import boto3\n\nclient = boto3.client("account")\nresponse = client.get_alternate_contact(\n' +
    '    AccountId="111111111111",\n    AlternateContactType="SECURITY",\n)\nprint(response)\n';
  await expect(get).toContainText('response = client.get_alternate_contact(');
  await get.getByRole('button', { name: 'Copy boto3 snippet' }).click();
  await expect(status(page)).toHaveText('Copied the boto3 snippet to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  // Organizations calls get theirs too; one page, as the call made.
  await expect(items.nth(0).getByRole('heading', { level: 3 })).toHaveText('ListAccounts');
  await expect(items.nth(0)).toContainText('aws organizations list-accounts --no-paginate');
  await expect(items.nth(0)).toContainText('client = boto3.client("organizations")');

  // A refused clipboard write is announced as a failure.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await put.getByRole('button', { name: 'Copy AWS CLI command' }).click();
  await expect(alert(page)).toHaveText('Could not copy the AWS CLI command: the browser refused: Write permission denied.');
});
