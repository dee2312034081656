// Progress: a known history gives known records (in the athlete's own time zone), the charts
// carry text alternatives, and the screen passes axe in light and dark and fits 360 px; a
// session that beats a record says so on its finish screen.
import { seedSession } from './support/backend.ts';
import { expect, test } from './support/fixtures.ts';
import { checkScreen } from './support/screen-checks.ts';

test('progress shows the records of a known history, dated in the athlete’s calendar', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  const history = [
    { session_date: '2025-03-03T08:00:00Z', sets: [8, 7, 6, 6, 5], rpe: 7 }, // 32
    { session_date: '2025-03-11T08:00:00Z', sets: [10, 8, 7, 6, 6], rpe: 8 }, // best set 10
    { session_date: '2025-03-17T08:00:00Z', sets: [9, 9, 8, 8, 7], rpe: 9 }, // best session 41
    // Sunday 23:30 UTC is Monday 00:30 in Warsaw: a fourth week in a row there.
    { session_date: '2025-03-23T23:30:00Z', sets: [6, 6, 5, 5, 5], rpe: null },
  ] as const;
  for (const session of history) {
    await seedSession(athlete, { status: 'completed', ...session, sets: [...session.sets] });
  }
  // A failed session: its 12 is drawn, but it is no record.
  await seedSession(athlete, {
    status: 'failed',
    session_date: '2025-04-08T08:00:00Z',
    sets: [12, 11, null, null, null],
  });

  await openSignedIn('/progress');
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  const records = page.getByRole('region', { name: 'Personal records' });
  await expect(records).toBeVisible();
  const record = (title: string) => records.locator('div', { has: page.getByText(title) });
  await expect(record('Best set')).toContainText('10 reps');
  await expect(record('Best set')).toContainText('Set on 11 Mar 2025');
  await expect(record('Best session')).toContainText('41 reps');
  await expect(record('Best session')).toContainText('Set on 17 Mar 2025');
  await expect(record('Longest streak')).toContainText('4 weeks');
  await expect(record('Longest streak')).toContainText(/to the week of 24 Mar 2025$/);

  const totals = page.getByRole('region', { name: 'Total reps per session' });
  await expect(totals.getByRole('img')).toHaveAccessibleName(
    'Total reps for 5 sessions from 3 Mar 2025 to 8 Apr 2025: latest 23, highest 41; 1 failed.',
  );
  await expect(
    page.getByRole('region', { name: 'Weekly volume' }).getByRole('img'),
  ).toHaveAccessibleName(/^Reps per week over the last 6 weeks: 23 in the week of 7 Apr 2025/);
  await checkScreen(page, 'progress');

  // The text alternative: the numbers as a table, opened on demand.
  await totals.getByText('Show the numbers').click();
  const table = totals.getByRole('table', { name: 'Total reps per session' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row').nth(1)).toContainText('Failed');
  await checkScreen(page, 'progress with a data table open');
});

test('progress without finished sessions invites the first one', async ({ page, openSignedIn }) => {
  await openSignedIn('/progress');
  await expect(page.getByText('No finished sessions yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plan a session' })).toHaveAttribute(
    'href',
    '/sessions/new?mode=plan',
  );
  await checkScreen(page, 'progress, empty');
});

test('finishing a session that beats the records celebrates them on the finish screen', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  // Eight weeks back: no rest warning today, and no streak of weeks to extend.
  await seedSession(athlete, {
    status: 'completed',
    session_date: new Date(Date.now() - 56 * 24 * 3_600_000).toISOString(),
    sets: [8, 7, 6, 6, 5], // best set 8, best session 32
    rpe: 8,
  });
  const id = await seedSession(athlete, {
    status: 'planned',
    session_date: new Date().toISOString(),
    sets: [9, 7, 6, 6, 5], // 9 and 33 when trained as planned
  });

  await openSignedIn(`/workout/${id}`);
  await page.getByRole('button', { name: 'Start workout' }).click();
  for (let set = 1; set <= 5; set += 1) {
    await expect(page.getByRole('heading', { level: 1, name: `Set ${set} of 5` })).toBeVisible();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    if (set < 5) await page.getByRole('button', { name: 'Skip rest' }).click();
  }
  await page.getByRole('button', { name: 'Finish: completed' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Workout complete' })).toBeVisible();
  await expect(page.getByText('New record: best set 9!')).toBeVisible();
  await expect(page.getByText('New record: best session 33 reps!')).toBeVisible();
  await expect(page.getByText(/weeks in a row/)).toHaveCount(0);
  await checkScreen(page, 'workout complete with new records');
});
