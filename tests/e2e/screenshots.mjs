// Writes a screenshot of each tab, light and dark, to docs/screenshots/.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { TABS } from './tabs.mjs';

const out = resolve('../../docs/screenshots');
mkdirSync(out, { recursive: true });
const port = 8096;
const server = spawn('node', ['serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (let i = 0; i < 100; i++) {
    try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 820 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    // Acting as is enabled once the app has taken the prerendered frame over.
    await page.waitForSelector('#acting-as:enabled');
    await page.evaluate(async () => {
      const call = window.accountSandbox.call;
      await call('PutContactInformation', { ContactInformation: {
        FullName: 'Jane Doe', CompanyName: 'Example Corp', AddressLine1: '410 Terry Ave N', City: 'Seattle',
        StateOrRegion: 'WA', PostalCode: '98109', CountryCode: 'US', PhoneNumber: '+1 206-555-0100', WebsiteUrl: 'https://example.com' } });
      for (const [t, n, title] of [['BILLING', 'Bill Ing', 'Finance lead'], ['OPERATIONS', 'Olga Ops', 'SRE manager'], ['SECURITY', 'Sam Secure', 'CISO']]) {
        await call('PutAlternateContact', { AlternateContactType: t, Name: n, Title: title, EmailAddress: `${n.split(' ')[0].toLowerCase()}@example.com`, PhoneNumber: '+1 555-555-0100' });
      }
      await call('EnableRegion', { RegionName: 'af-south-1' });
      await call('CreateOrganization', { FeatureSet: 'ALL' });
      for (const [name, email] of [['Production', 'prod'], ['Staging', 'staging'], ['Development', 'dev'], ['Security tooling', 'security'], ['Log archive', 'logs']]) {
        await call('CreateAccount', { AccountName: name, Email: `${email}@example.com` });
      }
      await call('EnableAWSServiceAccess', { ServicePrincipal: 'account.amazonaws.com' });
    });
    for (const [slug, name] of TABS) {
      await page.getByRole('tab', { name, exact: true }).click();
      await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
      // A lazily loaded tab shows its skeleton (aria-busy) until its chunk is in.
      await page.waitForFunction(() => !document.querySelector('#panel [aria-busy="true"]'));
      if (slug === 'console') {
        await page.getByLabel('Command', { exact: true }).fill('aws account get-alternate-contact --alternate-contact-type BILLING --output table');
        await page.getByLabel('Command', { exact: true }).press('Enter');
        await page.getByRole('log', { name: 'Console output' }).getByText('Bill Ing').waitFor();
      }
      await page.screenshot({ path: `${out}/${slug}-${scheme}.png` });
    }
    await context.close();
  }
  const narrow = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await narrow.newPage();
  await page.goto(`http://127.0.0.1:${port}/#/regions`);
  await page.waitForSelector('tbody tr');
  await page.screenshot({ path: `${out}/regions-360px.png` });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  server.kill();
}
