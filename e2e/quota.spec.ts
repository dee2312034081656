// The coach's quota: five asks per rolling 24 h, counted from the athlete's generations rows.
import { hoursAgo, seedGenerations, seedSession } from './support/backend.ts';
import { browserClock } from './support/clock.ts';
import { expect, test } from './support/fixtures.ts';
import { checkScreen } from './support/screen-checks.ts';

const DAY_MS = 24 * 3_600_000;

test('after five asks the dashboard shows none left and when the next frees up', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  await seedSession(athlete, {
    status: 'completed',
    session_date: hoursAgo(48).toISOString(),
    sets: [8, 7, 7, 6, 5],
  });
  const oldest = hoursAgo(5);
  await seedGenerations(athlete, [oldest, hoursAgo(4), hoursAgo(3), hoursAgo(2), hoursAgo(1)]);
  await openSignedIn('/');

  const freesAt = browserClock(new Date(oldest.getTime() + DAY_MS));
  await expect(page.getByText('AI asks left: 0 of 5')).toBeVisible();
  // Five hours before now plus a day: later today or tomorrow, depending on the clock.
  await expect(page.getByText(new RegExp(`Next frees up (tomorrow )?at ${freesAt}`))).toBeVisible();
  const ask = page.getByRole('button', { name: 'Ask the coach' });
  await expect(ask).toBeDisabled();
  await expect(ask).toHaveAccessibleDescription(
    new RegExp(`^No asks left: the next frees up (tomorrow )?at ${freesAt}\\.$`),
  );
  await checkScreen(page, 'dashboard, quota used up');
});

test('an ask the server refuses for quota says when the next one frees up', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  await seedSession(athlete, {
    status: 'completed',
    session_date: hoursAgo(48).toISOString(),
    sets: [8, 7, 7, 6, 5],
  });
  const oldest = hoursAgo(6);
  await seedGenerations(athlete, [oldest, hoursAgo(4), hoursAgo(3), hoursAgo(2)]);
  await openSignedIn('/');
  await expect(page.getByText('AI asks left: 1 of 5')).toBeVisible();

  // The fifth ask happens elsewhere (another device) after this dashboard loaded.
  await seedGenerations(athlete, [hoursAgo(0.5)]);
  await page.getByRole('button', { name: 'Ask the coach' }).click();
  const refusal = page
    .getByRole('alert')
    .filter({ hasText: 'used your 5 asks of the last 24 hours' });
  await expect(refusal).toBeVisible();
  const freesAt = new Date(oldest.getTime() + DAY_MS);
  // The exact minute can round either way between the server's and the page's clocks.
  const around = [freesAt.getTime() - 60_000, freesAt.getTime(), freesAt.getTime() + 60_000].map(
    (time) => browserClock(new Date(time)),
  );
  await expect(refusal).toContainText(new RegExp(`\\((tomorrow )?at (${around.join('|')})\\)`));
  await expect(refusal.getByRole('link', { name: 'Plan a session yourself' })).toBeVisible();
  await checkScreen(page, 'dashboard, ask refused for quota');
});
