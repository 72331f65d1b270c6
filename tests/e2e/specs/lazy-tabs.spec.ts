import { expect, test, type Page } from '@playwright/test';
import { open, openTab } from './helpers';

// The tabs a first visit does not need are split out of the main wasm module
// into chunks fetched when the tab is first shown (src/tabs/lazy.rs,
// scripts/split-wasm.sh).
const chunks = (page: Page) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (/\.wasm$/.test(name) && /\/split-[0-9a-f]+\//.test(request.url())) fetched.push(name);
  });
  return fetched;
};

test('a first visit fetches no tab chunk; the APIs chunk comes once idle; the Organization and Console tabs fetch their own', async ({ page }) => {
  const fetched = chunks(page);
  const tabChunks = () => fetched.filter((name) => name.startsWith('split_') && name !== 'split_protocols.wasm');
  await open(page);
  await expect(page.getByRole('heading', { name: 'Contact information' })).toBeVisible();
  // Organizations, IAM and STS answer from a chunk the idle page fetches
  // (src/client/chunks.rs); a fresh visit restores nothing.
  await expect.poll(() => fetched.includes('split_protocols.wasm')).toBe(true);
  expect(tabChunks()).toEqual([]);
  await openTab(page, 'Organization');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-organization');
  expect(tabChunks().some((name) => name.startsWith('split_organization_'))).toBe(true);
  await openTab(page, 'Console');
  await expect(page.getByRole('textbox', { name: 'Command', exact: true })).toBeVisible();
  expect(fetched.some((name) => name.startsWith('split_console_'))).toBe(true);
  expect(fetched.some((name) => name.startsWith('split_permissions_'))).toBe(false);
  expect(fetched).not.toContain('split_restore.wasm');
});

test('a returning visit fetches the restore chunk before it shows its state', async ({ page }) => {
  await open(page);
  const fetched = chunks(page);
  await page.evaluate(() => (window as any).accountSandbox.call('PutAccountName', { AccountName: 'Returning' }));
  await page.reload();
  // The prerendered frame's `Acting as` is disabled; the app's, mounted once
  // the state is restored, is not.
  await expect(page.getByRole('combobox', { name: 'Acting as' })).toBeEnabled();
  expect(fetched).toContain('split_restore.wasm');
  const name = await page.evaluate(() => (window as any).accountSandbox.call('GetAccountInformation', {}));
  expect(name.AccountName).toBe('Returning');
});

test('when the APIs chunk cannot be fetched, their calls say so and the Account API still answers', async ({ page }) => {
  await page.route(/\/split-[0-9a-f]+\/split_protocols\.wasm$/, (route) => route.abort());
  await open(page);
  const refused = await page.evaluate(() =>
    (window as any).accountSandbox.call('organizations:DescribeOrganization', {}).then(() => null, (e: any) => e));
  expect(refused.code).toBe('SandboxCodeNotLoaded');
  expect(refused.message).toContain('could not be fetched');
  const own = await page.evaluate(() => (window as any).accountSandbox.call('GetAccountInformation', {}));
  expect(own.AccountId).toBe('000000000000');
});

test('when the restore chunk cannot be fetched, the saved state is kept as the backup and the page says so', async ({ page }) => {
  await open(page);
  await page.evaluate(() => (window as any).accountSandbox.call('PutAccountName', { AccountName: 'Kept' }));
  const stored = () => page.evaluate(() => localStorage.getItem('account-sandbox:v1:state'));
  await expect.poll(stored).toContain('Kept');
  const saved = await stored();
  await page.route(/\/split-[0-9a-f]+\/split_restore\.wasm$/, (route) => route.abort());
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(banner).toContainText('could not be fetched');
  await expect(banner.getByRole('button', { name: 'Download backup' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('account-sandbox:v1:backup'))).toBe(saved);
});

test("a deep link to a lazily loaded tab shows the panel's skeleton while its chunk loads, then the tab", async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(/\/split-[0-9a-f]+\/split_permissions_\w+\.wasm$/, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  await open(page, '/permissions');
  const panel = page.getByRole('tabpanel');
  await expect(page.getByRole('tab', { name: 'Permissions', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(panel).toHaveAttribute('aria-labelledby', 'tab-permissions');
  // The tab has asked for its chunk: what the panel shows now waits for it.
  await expect.poll(() => requested).toBe(true);
  await expect(panel.locator('[aria-busy="true"]').getByRole('heading', { name: 'Permissions', exact: true })).toBeVisible();
  release();
  await expect(panel.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Permissions', exact: true }).first()).toBeVisible();
});

test('a lazily loaded tab runs the engine: a command in the Console answers', async ({ page }) => {
  await open(page, '/console');
  await page.getByRole('textbox', { name: 'Command', exact: true }).fill('aws sts get-caller-identity');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('tabpanel')).toContainText('"Arn": "arn:aws:iam::000000000000:root"');
});
