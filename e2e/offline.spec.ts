// Installable and offline-ready: the built app's service worker keeps the shell and the last
// answers of /rest/v1, so a reload without a connection still shows the athlete's data, and a
// workout carries on offline and is saved when the connection returns.
import type { Page } from '@playwright/test';
import { hoursAgo, seedSession, sessionsOf } from './support/backend.ts';
import { expect, test } from './support/fixtures.ts';
import { expectNoSeriousA11yViolations } from './support/a11y.ts';

const OFFLINE_NOTICE = "You're offline — showing your last saved data";

/** Waits until the service worker is active and controls this page (clients.claim). */
async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((done) =>
      navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
    );
  });
}

test('offline, a reload shows the last known dashboard and history with a notice', async ({
  page,
  context,
  athlete,
  openSignedIn,
}) => {
  await seedSession(athlete, {
    status: 'completed',
    session_date: hoursAgo(72).toISOString(),
    sets: [8, 7, 7, 6, 5],
    rpe: 7,
  });
  await openSignedIn('/');
  await serviceWorkerInControl(page);

  const lastSession = page.getByRole('region', { name: 'Last completed session' });
  const sessionRows = page.getByRole('list', { name: 'Sessions' }).locator(':scope > li');
  // Online, through the worker: these answers become the last known data.
  await page.reload();
  await expect(lastSession).toContainText('Total 33');
  await page.getByRole('link', { name: 'History', exact: true }).click();
  await expect(sessionRows).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: OFFLINE_NOTICE })).toHaveCount(0);

  // A newer session the offline phone cannot know about yet.
  await seedSession(athlete, {
    status: 'completed',
    session_date: hoursAgo(26).toISOString(),
    sets: [10, 10, 10, 10, 10],
    rpe: 8,
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: OFFLINE_NOTICE })).toBeVisible();
  await expect(sessionRows).toHaveCount(1);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(lastSession).toContainText('Total 33');
  await expect(page.getByRole('status').filter({ hasText: OFFLINE_NOTICE })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // Back online the notice goes, and a reload shows what the server has now.
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: OFFLINE_NOTICE })).toHaveCount(0);
  await page.reload();
  await expect(lastSession).toContainText('Total 50');
});

test('a workout continues offline, even through a reload, and is saved when back online', async ({
  page,
  context,
  athlete,
  openSignedIn,
}) => {
  const id = await seedSession(athlete, {
    status: 'planned',
    session_date: new Date().toISOString(),
    sets: [9, 8, 8, 7, 6],
  });
  await openSignedIn(`/workout/${id}`);
  await serviceWorkerInControl(page);
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 1 of 5' })).toBeVisible();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect
    .poll(async () => (await sessionsOf(athlete))[0])
    .toMatchObject({ status: 'in_progress', set_1: 9 });

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Skip rest' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 2 of 5' })).toBeVisible();
  await page.getByRole('button', { name: 'Reps done: one less' }).click();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.getByRole('button', { name: 'Skip rest' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 3 of 5' })).toBeVisible();
  // The full-screen workout has its own notice (the workout feature's sync status).
  await expect(page.getByText('Offline — saved on this phone, will sync')).toBeVisible();
  // Nothing reached the server while offline: set 2 still holds its planned 8.
  expect((await sessionsOf(athlete))[0]).toMatchObject({ set_1: 9, set_2: 8 });

  // The app opens without a connection and resumes where the athlete was.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Set 3 of 5' })).toBeVisible();
  await page.getByRole('button', { name: 'Reps done: one more' }).click();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rest' })).toBeVisible();

  await context.setOffline(false);
  await expect
    .poll(async () => (await sessionsOf(athlete))[0])
    .toMatchObject({ status: 'in_progress', set_1: 9, set_2: 7, set_3: 9 });
  await expect(page.getByText('Offline — saved on this phone, will sync')).toHaveCount(0);
});
