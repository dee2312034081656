// The rules around training: the rest warning (< 24 h after the last session) when logging and
// when starting, the read-only finished session, and a reload in the middle of a workout.
import { hoursAgo, seedSession, sessionsOf } from './support/backend.ts';
import { browserDay } from './support/clock.ts';
import { expect, test } from './support/fixtures.ts';
import { checkScreen } from './support/screen-checks.ts';

test('logging a session less than 24 h after the last one warns first, and saving anyway works', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  await seedSession(athlete, {
    status: 'completed',
    session_date: hoursAgo(3).toISOString(),
    sets: [8, 7, 7, 6, 5],
    rpe: 8,
  });
  await openSignedIn('/sessions/new?mode=log');
  await expect(page.getByRole('heading', { level: 1, name: 'Log a past session' })).toBeVisible();
  await checkScreen(page, 'log a session');

  await page.getByLabel('Date').fill(browserDay(new Date()));
  await page.getByRole('radio', { name: 'Completed' }).check();
  for (let i = 0; i < 6; i += 1)
    await page.getByRole('button', { name: 'Set 1: one more' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Set 1' })).toHaveValue('6');
  await page.getByRole('button', { name: 'Save session' }).click();

  await expect(page.getByText('Before you save')).toBeVisible();
  await expect(page.getByText(/since your last session/)).toBeVisible();
  await checkScreen(page, 'log a session, rest warning');
  expect(await sessionsOf(athlete)).toHaveLength(1);

  await page.getByRole('button', { name: 'Save anyway' }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect.poll(async () => (await sessionsOf(athlete)).length).toBe(2);
});

test('starting a workout less than 24 h after the last session warns first', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  await seedSession(athlete, {
    status: 'completed',
    session_date: hoursAgo(5).toISOString(),
    sets: [8, 7, 7, 6, 5],
  });
  const planned = await seedSession(athlete, {
    status: 'planned',
    session_date: new Date().toISOString(),
    sets: [9, 8, 8, 7, 6],
  });
  await openSignedIn(`/workout/${planned}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ready to train?' })).toBeVisible();
  await expect(page.getByText('Rest first?')).toBeVisible();
  await expect(page.getByText('Your last session was 5 hours ago.')).toBeVisible();
  await checkScreen(page, 'workout start with a rest warning');
  await page.getByRole('button', { name: 'Start anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 1 of 5' })).toBeVisible();
});

test('a completed session is read-only: no edit, no delete', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  const id = await seedSession(athlete, {
    status: 'completed',
    session_date: hoursAgo(50).toISOString(),
    sets: [10, 9, 8, 8, 7],
    rpe: 6,
  });
  await openSignedIn(`/sessions/${id}`);
  await expect(
    page.getByText('Completed sessions are part of your history and stay as they are.'),
  ).toBeVisible();
  await expect(page.getByText('42')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Start workout|Continue workout/ })).toHaveCount(0);
  await checkScreen(page, 'completed session detail');

  // Typing the edit address does not open an editor either.
  await page.goto(`/sessions/${id}/edit`);
  await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);
});

test('a reload in the middle of a workout resumes at the same set', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  const id = await seedSession(athlete, {
    status: 'planned',
    session_date: new Date().toISOString(),
    sets: [9, 8, 8, 7, 6],
  });
  await openSignedIn(`/workout/${id}`);
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 1 of 5' })).toBeVisible();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.getByRole('button', { name: 'Skip rest' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 2 of 5' })).toBeVisible();
  await page.getByRole('button', { name: 'Reps done: one less' }).click();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rest' })).toBeVisible();
  await page.getByRole('button', { name: 'Skip rest' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 3 of 5' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 3 of 5' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Reps done' })).toHaveValue('8');
  const sets = page.getByRole('list', { name: 'Sets' });
  await expect(sets.getByRole('listitem').nth(0)).toContainText('9');
  await expect(sets.getByRole('listitem').nth(1)).toContainText('7');
  // The server knows the workout started, with the sets done so far.
  await expect
    .poll(async () => (await sessionsOf(athlete))[0])
    .toMatchObject({ status: 'in_progress', set_1: 9, set_2: 7 });
});
