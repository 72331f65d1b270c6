import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers';

// Expected outputs are what `aws` 1.46.2 prints for the same calls against
// the local server (crates/account-training's tests and
// tests/clients/test_cli_rendering.py check the crate against it).

const PUT =
  "aws account put-alternate-contact --alternate-contact-type BILLING --email-address bill@example.com --name 'Bill Ing' --phone-number '+1 555-555-5555' --title Billing";
const GET = 'aws account get-alternate-contact --alternate-contact-type BILLING';

const JSON_OUTPUT = `{
    "AlternateContact": {
        "Name": "Bill Ing",
        "Title": "Billing",
        "EmailAddress": "bill@example.com",
        "PhoneNumber": "+1 555-555-5555",
        "AlternateContactType": "BILLING"
    }
}
`;

const TEXT_OUTPUT = 'ALTERNATECONTACT\tBILLING\tbill@example.com\tBill Ing\t+1 555-555-5555\tBilling\n';

const TABLE_OUTPUT = `------------------------------------------------
|              GetAlternateContact             |
+----------------------------------------------+
||              AlternateContact              ||
|+-----------------------+--------------------+|
||  AlternateContactType |  BILLING           ||
||  EmailAddress         |  bill@example.com  ||
||  Name                 |  Bill Ing          ||
||  PhoneNumber          |  +1 555-555-5555   ||
||  Title                |  Billing           ||
|+-----------------------+--------------------+|
`;

const MISSING_ERROR =
  '\nAn error occurred (ResourceNotFoundException) when calling the GetAlternateContact operation: No contact of the inputted alternate contact type found.\n';

function output(page: Page) {
  return page.getByRole('log', { name: 'Console output' });
}

function commandLine(page: Page) {
  return page.getByRole('textbox', { name: 'Command', exact: true });
}

async function run(page: Page, command: string) {
  await commandLine(page).fill(command);
  await commandLine(page).press('Enter');
  await expect(commandLine(page)).toHaveValue('');
}

/** The whole transcript, exactly as a terminal would show it. */
async function expectTranscript(page: Page, expected: string) {
  await expect.poll(() => output(page).textContent()).toBe(expected);
}

test('commands print exactly what the AWS CLI prints, in every output format', async ({ page }) => {
  await open(page, '/console');
  await run(page, PUT);
  await run(page, GET);
  await run(page, `${GET} --output text`);
  await run(page, `${GET} --output table`);
  await expectTranscript(
    page,
    `$ ${PUT}\n` +
      `$ ${GET}\n${JSON_OUTPUT}` +
      `$ ${GET} --output text\n${TEXT_OUTPUT}` +
      `$ ${GET} --output table\n${TABLE_OUTPUT}`,
  );

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expectTranscript(page, '');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expectTranscript(page, '');

  await commandLine(page).fill('aws account get-alternate-contact --alternate-contact-type SECURITY');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expectTranscript(page, `$ aws account get-alternate-contact --alternate-contact-type SECURITY\n${MISSING_ERROR}`);
});

test('console calls act as the current caller and are logged in Activity', async ({ page }) => {
  await open(page, '/console');
  await run(page, 'aws account get-account-information --output text');
  await expect(output(page)).toContainText('000000000000');
  await run(page, 'aws account list-regions --output text');
  // The CLI pages through ListRegions itself: all 34 Regions, no NextToken.
  await expect.poll(async () => ((await output(page).textContent()) ?? '').match(/^REGIONS\t/gm)?.length).toBe(34);

  await page.getByRole('tab', { name: 'Activity', exact: true }).click();
  const items = page.getByRole('list', { name: 'API calls' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('ListRegions');
  await expect(items.nth(0)).toContainText('from the console');
  await expect(items.nth(0)).toContainText('aws account list-regions --next-token');
  await expect(items.nth(2)).toContainText('GetAccountInformation');

  // The transcript survives a visit to another tab.
  await page.getByRole('tab', { name: 'Console', exact: true }).click();
  await expect(output(page)).toContainText('$ aws account get-account-information --output text');
});

test('ArrowUp and ArrowDown recall earlier commands', async ({ page }) => {
  await open(page, '/console');
  await run(page, 'aws account help');
  await run(page, 'aws account get-contact-information');
  const input = commandLine(page);
  await input.fill('aws account li');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('aws account get-contact-information');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('aws account help');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('aws account help');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('aws account get-contact-information');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('aws account li');
  await input.fill('');
  await input.press('ArrowUp');
  await input.press('Enter');
  await expect(output(page)).toContainText(
    '$ aws account get-contact-information\n\nAn error occurred (ResourceNotFoundException) when calling the GetContactInformation operation:',
  );
});

test('help and refused command lines', async ({ page }) => {
  await open(page, '/console');
  await run(page, 'aws account help');
  await expect(output(page)).toContainText('usage: aws account <command> [options]');
  await expect(output(page)).toContainText('put-alternate-contact');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();

  await run(page, 'aws account get-alternate-contact help');
  await expect(output(page)).toContainText('usage: aws account get-alternate-contact [options]');
  await expect(output(page)).toContainText('--alternate-contact-type <string>');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();

  await run(page, 'aws account get-alternate-contact');
  await expectTranscript(
    page,
    '$ aws account get-alternate-contact\n' +
      'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
      'To see help text, you can run:\n\n' +
      '  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n' +
      'aws: error: the following arguments are required: --alternate-contact-type\n',
  );
  await page.getByRole('button', { name: 'Clear', exact: true }).click();

  await run(page, "aws account put-contact-information --contact-information '{'");
  await expect(output(page)).toContainText("Error parsing parameter '--contact-information': Invalid JSON:");
  await page.getByRole('tab', { name: 'Activity', exact: true }).click();
  await expect(page.getByRole('list', { name: 'API calls' }).getByRole('listitem')).toHaveCount(0);
});

test('aws sts, iam and organizations commands run as Acting as, and Activity shows an IAM call as CLI and boto3', async ({ page }) => {
  await open(page, '/console');
  await run(page, 'aws sts get-caller-identity');
  await run(page, 'aws iam create-user --user-name alice');
  await run(page, 'aws iam get-user --user-name bob');
  await run(page, 'aws organizations create-organization --feature-set ALL');
  await run(page, 'aws organizations list-roots --output text');
  await expect(output(page)).toContainText(
    '$ aws sts get-caller-identity\n{\n    "UserId": "000000000000",\n    "Account": "000000000000",\n' +
      '    "Arn": "arn:aws:iam::000000000000:root"\n}\n',
  );
  await expect(output(page)).toContainText(
    '$ aws iam create-user --user-name alice\n{\n    "User": {\n        "Path": "/",\n        "UserName": "alice",\n',
  );
  await expect(output(page)).toContainText('"Arn": "arn:aws:iam::000000000000:user/alice",');
  await expect(output(page)).toContainText(
    '$ aws iam get-user --user-name bob\n\nAn error occurred (NoSuchEntity) when calling the GetUser operation: The user with name bob cannot be found.\n',
  );
  await expect(output(page)).toContainText(
    '$ aws organizations list-roots --output text\nROOTS\tarn:aws:organizations::000000000000:root/o-',
  );

  // The console runs as the principal Acting as names.
  const acting = page.getByRole('combobox', { name: 'Acting as' });
  await acting.selectOption('arn:aws:iam::000000000000:user/alice');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await run(page, 'aws sts get-caller-identity --output text');
  await expect(output(page)).toContainText(
    '$ aws sts get-caller-identity --output text\n000000000000\tarn:aws:iam::000000000000:user/alice\tAIDA',
  );

  await page.getByRole('tab', { name: 'Activity', exact: true }).click();
  const items = page.getByRole('list', { name: 'API calls' }).getByRole('listitem');
  const created = items.filter({ has: page.getByRole('heading', { level: 3, name: 'CreateUser', exact: true }) });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('from the console');
  await expect(created).toContainText('aws iam create-user --user-name alice');
  await expect(created).toContainText(
    'import boto3\n\nclient = boto3.client("iam")\nresponse = client.create_user(\n    UserName="alice",\n)\nprint(response)\n',
  );
  const identity = items.first();
  await expect(identity.getByRole('heading', { level: 3 })).toHaveText('GetCallerIdentity');
  await expect(identity).toContainText('caller arn:aws:iam::000000000000:user/alice');
  await expect(identity).toContainText('aws sts get-caller-identity');
});
