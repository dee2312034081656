// The shell around the features: unknown addresses and signed-out visits to signed-in screens.
import { checkScreen } from './support/screen-checks.ts';
import { expect, test } from './support/fixtures.ts';

test('an unknown address shows a page-not-found screen with a way back', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to today' })).toBeVisible();
  await checkScreen(page, 'not found');
});

test('a signed-out visit to a signed-in screen goes to sign-in and remembers where to return', async ({
  page,
}) => {
  await page.goto('/history?status=completed');
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fhistory%3Fstatus%3Dcompleted$/);
});
