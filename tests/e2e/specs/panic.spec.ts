import { expect, test } from '@playwright/test';
import { open } from './helpers';

test('a panic replaces the page with an error panel that shows the message', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    try {
      (window as any).accountSandbox.crash('the engine tripped over a test');
    } catch {
      // The wasm instance traps after the panic hook has run.
    }
  });
  const panel = page.getByRole('alert');
  await expect(panel.getByRole('heading')).toHaveText('The sandbox stopped because of an error');
  await expect(panel).toContainText('the engine tripped over a test');
  await expect(panel.getByRole('link', { name: 'Reload the page' })).toBeVisible();
  await expect(page.getByRole('tablist')).toHaveCount(0);
});
