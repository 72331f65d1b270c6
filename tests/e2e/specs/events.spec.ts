import { expect, test, type Page } from '@playwright/test';
import { call, open } from './helpers';

function events(page: Page) {
  return page.getByRole('list', { name: 'Events' }).getByRole('listitem');
}

function patternBox(page: Page) {
  return page.getByRole('textbox', { name: 'Event pattern' });
}

test('region changes are listed newest first and filtered by an EventBridge pattern kept in the URL', async ({ page }) => {
  await open(page, '/events');
  await expect(events(page)).toHaveCount(0);

  // Demo speed: enabling takes 5 s and disabling 3 s, completed by the page.
  await call(page, 'EnableRegion', { RegionName: 'af-south-1' });
  await expect(events(page)).toHaveCount(1);
  await expect(events(page).first()).toContainText('"status": "ENABLING"');
  await expect(events(page)).toHaveCount(2, { timeout: 10_000 });
  await call(page, 'DisableRegion', { RegionName: 'af-south-1' });
  await expect(events(page)).toHaveCount(4, { timeout: 10_000 });
  const newest = events(page).first();
  await expect(newest).toContainText('"detail-type": "Region Opt-In Status Change"');
  await expect(newest).toContainText('"source": "aws.account"');
  await expect(newest).toContainText('"regionName": "af-south-1"');
  await expect(newest).toContainText('"status": "DISABLED"');
  await expect(events(page).nth(3)).toContainText('"status": "ENABLING"');

  // Exact value.
  await patternBox(page).fill('{"detail": {"status": ["ENABLED"]}}');
  await expect(events(page)).toHaveCount(1);
  await expect(events(page).first()).toContainText('"status": "ENABLED"');
  // A list of values: any of them.
  await patternBox(page).fill('{"detail": {"status": ["ENABLING", "DISABLING"]}}');
  await expect(events(page)).toHaveCount(2);
  await expect(events(page).first()).toContainText('"status": "DISABLING"');
  await expect(events(page).nth(1)).toContainText('"status": "ENABLING"');
  // Prefix matching.
  await patternBox(page).fill('{"detail": {"status": [{"prefix": "DISABL"}]}}');
  await expect(events(page)).toHaveCount(2);
  await expect(patternBox(page)).not.toHaveAttribute('aria-invalid', 'true');

  // The pattern is part of the deep link.
  expect(decodeURIComponent(page.url())).toContain('pattern={"detail": {"status": [{"prefix": "DISABL"}]}}'.replace(/ /g, '+'));
  await page.reload();
  await expect(patternBox(page)).toHaveValue('{"detail": {"status": [{"prefix": "DISABL"}]}}');
  await expect(events(page)).toHaveCount(2);

  // An empty box shows every event.
  await patternBox(page).fill('');
  await expect(events(page)).toHaveCount(4);
});

test('an invalid pattern is explained beside the box and leaves the list as it was', async ({ page }) => {
  await open(page, '/events');
  await call(page, 'EnableRegion', { RegionName: 'af-south-1' });
  await call(page, 'EnableRegion', { RegionName: 'me-south-1' });
  await patternBox(page).fill('{"detail": {"regionName": ["me-south-1"]}}');
  await expect(events(page)).toHaveCount(1);

  await patternBox(page).fill('{"detail": {"status": []}}');
  await expect(patternBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(patternBox(page)).toHaveAccessibleDescription(
    /Event pattern is not valid\. Reason: Empty arrays are not allowed \(at detail\.status\)/,
  );
  await expect(events(page)).toHaveCount(1);
  await expect(events(page).first()).toContainText('"regionName": "me-south-1"');

  await patternBox(page).fill('{"detail": ');
  await expect(patternBox(page)).toHaveAccessibleDescription(/Event pattern is not valid\. Reason: the pattern is not valid JSON/);
  await expect(events(page)).toHaveCount(1);

  await patternBox(page).fill('');
  await expect(patternBox(page)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(events(page)).toHaveCount(2);
});
