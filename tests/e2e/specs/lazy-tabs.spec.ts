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

test('the default tab and the Organization tab need no chunk; the Console tab fetches its own when opened', async ({ page }) => {
  const fetched = chunks(page);
  await open(page);
  await expect(page.getByRole('heading', { name: 'Contact information' })).toBeVisible();
  await openTab(page, 'Organization');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-organization');
  expect(fetched).toEqual([]);
  await openTab(page, 'Console');
  await expect(page.getByRole('textbox', { name: 'Command', exact: true })).toBeVisible();
  expect(fetched.some((name) => name.startsWith('split_console_'))).toBe(true);
  expect(fetched.some((name) => name.startsWith('split_permissions_'))).toBe(false);
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
