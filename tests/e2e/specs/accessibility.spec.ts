import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { call, open } from './helpers';
import { TABS } from '../tabs.mjs';

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const [slug, name] of TABS) {
  test(`${name} has no serious accessibility violations`, async ({ page }) => {
    await open(page);
    await call(page, 'PutAlternateContact', {
      AlternateContactType: 'BILLING', Name: 'Bill', Title: 'Payer', EmailAddress: 'b@example.com', PhoneNumber: '+1 555',
    });
    await call(page, 'EnableRegion', { RegionName: 'af-south-1' });
    await page.getByRole('tab', { name, exact: true }).click();
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    expect(await seriousViolations(page)).toEqual([]);
    if (slug === 'contact-information') {
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByLabel('Full name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousViolations(page)).toEqual([]);
    }
    if (slug === 'organization') {
      await page.getByRole('button', { name: 'Create organization' }).click();
      await page.getByLabel('Number of accounts').fill('5');
      await page.getByRole('button', { name: 'Generate accounts' }).click();
      await page.getByRole('button', { name: 'Enable trusted access' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Sam');
      await page.getByLabel('Title', { exact: true }).fill('CISO');
      await page.getByLabel('Email address', { exact: true }).fill('sec@example.com');
      await page.getByLabel('Phone number', { exact: true }).fill('+1 555');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByRole('table', { name: 'Bulk results' })).toHaveAttribute('aria-rowcount', '6');
      expect(await seriousViolations(page)).toEqual([]);
    }
    if (slug === 'events') {
      await page.getByRole('textbox', { name: 'Event pattern' }).fill('{"detail": {"status": []}}');
      await expect(page.getByRole('textbox', { name: 'Event pattern' })).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousViolations(page)).toEqual([]);
    }
    if (slug === 'console') {
      await page.getByRole('textbox', { name: 'Command', exact: true }).fill('aws account get-alternate-contact --alternate-contact-type BILLING --output table');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByRole('log', { name: 'Console output' })).toContainText('GetAlternateContact');
      expect(await seriousViolations(page)).toEqual([]);
    }
  });
}

test('phone verification, the primary email change and the Inbox have no serious accessibility violations', async ({ page }) => {
  await open(page);
  await call(page, 'PutContactInformation', {
    ContactInformation: {
      FullName: 'Jane Doe', AddressLine1: '410 Terry Ave N', City: 'Seattle', StateOrRegion: 'WA',
      PostalCode: '98109', CountryCode: 'US', PhoneNumber: '+1 206-555-0100',
    },
  });
  await page.getByRole('button', { name: 'Verify phone number' }).click();
  const code = page.getByLabel('Verification code', { exact: true });
  await code.fill('ABCDEF');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);

  await call(page, 'CreateOrganization', { FeatureSet: 'ALL' });
  await call(page, 'EnableAWSServiceAccess', { ServicePrincipal: 'account.amazonaws.com' });
  const started = await call(page, 'CreateAccount', { AccountName: 'Dev', Email: 'dev@example.com' });
  const outcome = await call(page, 'DescribeCreateAccountStatus', {
    CreateAccountRequestId: started.output.CreateAccountStatus.Id,
  });
  const member = outcome.output.CreateAccountStatus.AccountId;
  await page.getByRole('tab', { name: 'Organization', exact: true }).click();
  await page.getByRole('button', { name: `Change primary email of ${member}` }).click();
  const email = page.getByLabel('New primary email', { exact: true });
  await email.fill('new@example.com');
  await page.getByRole('button', { name: 'Send code', exact: true }).click();
  const otp = page.getByLabel('One-time password', { exact: true });
  await otp.fill('x');
  await page.getByRole('button', { name: 'Accept update', exact: true }).click();
  await expect(otp).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Inbox', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Messages' }).getByRole('row')).toHaveCount(3);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the page is usable at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/regions');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Enable af-south-1' })).toBeVisible();
});

test('the Permissions tab is usable at 360 px wide, with a user, a role, an editor and a simulation open', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/permissions');
  await page.getByRole('button', { name: 'Create user', exact: true }).click();
  await page.getByLabel('User name', { exact: true }).fill('developer-with-a-long-name');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('button', { name: 'Create role', exact: true }).click();
  await page.getByLabel('Role name', { exact: true }).fill('OrganizationAccountAccessRole');
  await page.getByRole('form', { name: 'Create role' }).getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('button', { name: 'Assume role OrganizationAccountAccessRole', exact: true }).click();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Request context' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Scrolled to, the form's button is wholly on screen: nothing is cut off at the side.
  const assume = page.getByRole('button', { name: 'Assume', exact: true });
  await assume.scrollIntoViewIfNeeded();
  await expect(assume).toBeInViewport({ ratio: 1 });
});

// How far the tab of that name sticks out of the tab bar, in CSS pixels
// (scroll positions are whole pixels, so less than one counts as inside).
async function outsideTabBar(page, name) {
  const bar = await page.getByRole('tablist').boundingBox();
  const tab = await page.getByRole('tab', { name, exact: true }).boundingBox();
  return Math.max(0, bar.x - tab.x, tab.x + tab.width - (bar.x + bar.width));
}

for (const width of [1440, 1024, 700]) {
  test(`at ${width} px every tab is in sight without scrolling the tab bar`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '/contact-information');
    for (const [, name] of TABS) {
      expect(await outsideTabBar(page, name), name).toBeLessThan(1);
      await expect(page.getByRole('tab', { name, exact: true })).toBeInViewport();
    }
  });
}

test('at 360 px the selected tab is scrolled into view in the tab bar', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/inbox');
  const bar = page.getByRole('tablist');
  expect(await bar.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
  await expect(page.getByRole('tab', { name: 'Inbox' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => outsideTabBar(page, 'Inbox')).toBeLessThan(1);
  // A hash change that is not a click on the tab (a link in a panel, Back).
  for (const [slug, name] of [['contact-information', 'Contact information'], ['console', 'Console']]) {
    await page.evaluate((hash) => { window.location.hash = hash; }, `#/${slug}`);
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => outsideTabBar(page, name)).toBeLessThan(1);
  }
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBe(0);
});
