import { expect, test } from '@playwright/test';
import { CONTACT, fill, open, status, SUB_PATH } from './helpers';
import { TABS } from '../tabs.mjs';

const STATE_KEY = 'account-sandbox:v1:state';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the prerendered frame shows the tabs as links to their deep links and says JavaScript is needed', async ({ page }) => {
    await page.goto(`${SUB_PATH}/`);
    await expect(page.getByRole('banner')).toContainText('Account Management');
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Acting as' })).toBeDisabled();
    // A paragraph of the prerendered HTML, shown only when scripting is off.
    const line = page.getByRole('paragraph').filter({ hasText: 'needs JavaScript and WebAssembly' });
    await expect(line).toBeVisible();
    await expect(line).toHaveText('This sandbox runs the Account API in your browser and needs JavaScript and WebAssembly.');
    await expect(page.getByRole('tablist', { name: 'Account settings' })).toBeVisible();
    await expect(page.getByRole('tab')).toHaveCount(TABS.length);
    for (const [slug, name] of TABS) {
      const tab = page.getByRole('tab', { name, exact: true });
      await expect(tab).toBeVisible();
      await expect(tab).toHaveAttribute('href', `#/${slug}`);
    }
    // Relative links: under a sub-path they stay under it.
    await page.getByRole('tab', { name: 'Regions', exact: true }).click();
    await expect(page).toHaveURL(`${SUB_PATH}/#/regions`);
  });
});

test('before the wasm runs, a deep link\'s tab is the one the prerendered frame selects', async ({ page }) => {
  // The wasm never arrives: what shows is the prerendered frame alone.
  await page.route(/\.wasm$/, () => {});
  await page.goto(`${SUB_PATH}/#/regions`);
  const regions = page.getByRole('tab', { name: 'Regions', exact: true });
  await expect(regions).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { selected: true })).toHaveCount(1);
  await expect(page.getByRole('tabpanel', { name: 'Regions' })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2 })).toHaveText('Regions');
  await expect(page.getByRole('combobox', { name: 'Acting as' })).toBeDisabled();
});

test('before the wasm runs, the frame\'s tabs take clicks, keys and Back, and the app opens the tab chosen, focused', async ({ page }) => {
  // As on a slow network: the wasm arrives only once the frame has been used.
  let arrive!: () => void;
  const held = new Promise<void>((resolve) => (arrive = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${SUB_PATH}/`);
  const selected = page.getByRole('tab', { selected: true });
  const heading = page.getByRole('tabpanel').getByRole('heading', { level: 2 });
  await expect(selected).toHaveText('Contact information');

  await page.getByRole('tab', { name: 'Regions', exact: true }).click();
  await expect(page).toHaveURL(`${SUB_PATH}/#/regions`);
  await expect(selected).toHaveText('Regions');
  await expect(page.getByRole('tabpanel', { name: 'Regions' })).toBeVisible();
  await expect(heading).toHaveText('Regions');

  for (const [key, name] of [
    ['ArrowRight', 'Organization'],
    ['End', 'Permissions'],
    ['ArrowRight', 'Contact information'],
    ['ArrowLeft', 'Permissions'],
    ['Home', 'Contact information'],
    ['ArrowLeft', 'Permissions'],
  ]) {
    await page.keyboard.press(key);
    await expect(page.getByRole('tab', { name, exact: true }), `${key} moves to ${name}`).toBeFocused();
    await expect(selected).toHaveText(name);
    await expect(heading).toHaveText(name);
  }
  await expect(selected).toHaveAttribute('tabindex', '0');
  await expect(page.locator('[role=tab][tabindex="0"]')).toHaveCount(1);

  await page.goBack();
  await expect(selected).toHaveText('Contact information');
  await page.goForward();
  await expect(selected).toHaveText('Permissions');
  await page.getByRole('tab', { name: 'Permissions', exact: true }).focus();
  await expect(page.getByRole('combobox', { name: 'Acting as' })).toBeDisabled();

  arrive();
  await expect(page.getByRole('combobox', { name: 'Acting as' })).toBeEnabled();
  await expect(page.getByRole('tabpanel', { name: 'Permissions' })).toBeVisible();
  await expect(selected).toHaveText('Permissions');
  await expect(page.getByRole('tab', { name: 'Permissions', exact: true })).toBeFocused();
  // The app's tabs answer the keys from here on.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Contact information', exact: true })).toBeFocused();
  await expect(selected).toHaveText('Contact information');
});

test('with JavaScript on, the JavaScript line is never shown', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('needs JavaScript and WebAssembly')).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Acting as' })).toBeEnabled();
  await expect(page.getByText('needs JavaScript and WebAssembly')).toHaveCount(0);
});

test("a returning user's page shows the frame, then their data, never an empty state", async ({ browser }) => {
  const first = await browser.newContext();
  const before = await first.newPage();
  await open(before);
  await before.getByRole('button', { name: 'Create', exact: true }).click();
  await fill(before, CONTACT);
  await before.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(before)).toHaveText('Contact information saved.');
  await expect(before.getByRole('tabpanel')).toContainText('Jane Doe');
  // Saved after the frame that shows it.
  await expect.poll(() => before.evaluate((key) => localStorage.getItem(key) ?? '', STATE_KEY)).toContain('Jane Doe');
  const state = await before.evaluate((key) => localStorage.getItem(key), STATE_KEY);
  await first.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(([key, value]) => {
    localStorage.setItem(key, value);
    // Every text the document ever holds, checked at each batch of changes
    // (before the browser could paint it).
    const w = window as any;
    w.__emptySeen = [];
    w.__frameSeen = false;
    new MutationObserver(() => {
      const text = document.body?.textContent ?? '';
      if (text.includes('Account settings') || document.querySelector('[role=tablist]')) w.__frameSeen = true;
      if (text.includes('No contact information')) w.__emptySeen.push(document.readyState);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, [STATE_KEY, state] as const);
  await open(page);
  await expect(page.getByRole('tabpanel')).toContainText('Jane Doe');
  expect(await page.evaluate(() => (window as any).__frameSeen)).toBe(true);
  expect(await page.evaluate(() => (window as any).__emptySeen)).toEqual([]);
  await context.close();
});

type Box = { x: number; y: number; width: number; height: number };

/** The frame's parts as laid out now, and whether Acting as is disabled. */
function measureFrame() {
  const box = (el: Element | null) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const boxes: Record<string, unknown> = {
    banner: box(document.querySelector('header')),
    heading: box(document.querySelector('h1')),
    'Acting as': box(document.querySelector('#acting-as')),
    tablist: box(document.querySelector('[role=tablist]')),
  };
  for (const tab of document.querySelectorAll('[role=tab]')) boxes[`tab ${tab.textContent}`] = box(tab);
  // The panel's content is the tab's, so only where it starts is the frame's.
  const panel = box(document.querySelector('[role=tabpanel]'));
  boxes.panel = panel && { x: panel.x, y: panel.y, width: panel.width };
  return { disabled: (document.querySelector('#acting-as') as HTMLSelectElement | null)?.disabled, boxes };
}

for (const width of [1280, 360]) {
  test(`at ${width} px the app takes the frame over without moving it`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    // The frame as the parser laid it out, before the wasm has run. The
    // wasm is compiled from the head, so the app can start before
    // DOMContentLoaded: it is held until the frame is measured.
    let measured!: () => void;
    const held = new Promise<void>((resolve) => (measured = resolve));
    await page.exposeFunction('__measured', () => measured());
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => { window.__prerendered = (${measureFrame})(); window.__measured(); });`);
    await open(page);
    const prerendered = await page.evaluate(() => (window as any).__prerendered);
    expect(prerendered.disabled, 'measured before the app took over').toBe(true);
    const app = await page.evaluate(measureFrame);
    expect(app.disabled).toBe(false);
    expect(Object.keys(app.boxes)).toEqual(Object.keys(prerendered.boxes));
    for (const [part, box] of Object.entries(prerendered.boxes as Record<string, Box>)) {
      for (const [side, value] of Object.entries(box)) {
        expect(Math.abs((app.boxes[part] as any)[side] - value), `${part} ${side}`).toBeLessThan(0.5);
      }
    }
  });
}
