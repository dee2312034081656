// The journeys' `test`: a fresh athlete per test, and a way to open the app already signed in.
import { test as base, type Page } from '@playwright/test';
import { authStorageKey, createAthlete, passwordSession, type Athlete } from './backend.ts';

export interface Fixtures {
  /** A confirmed athlete with no history, made through the auth admin API. */
  athlete: Athlete;
  /** Opens `path` with the athlete's session already stored, as after an earlier sign-in. */
  openSignedIn: (path: string, who?: Athlete) => Promise<void>;
}

async function storeSession(page: Page, athlete: Athlete): Promise<void> {
  const session = await passwordSession(athlete);
  // Any same-origin document will do to reach localStorage; the favicon costs nothing.
  await page.goto('/favicon.svg');
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
    authStorageKey,
    JSON.stringify(session),
  ] as const);
}

export const test = base.extend<Fixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern, empty here.
  // eslint-disable-next-line no-empty-pattern
  athlete: async ({}, use) => {
    await use(await createAthlete());
  },
  openSignedIn: async ({ page, athlete }, use) => {
    await use(async (path, who = athlete) => {
      await storeSession(page, who);
      await page.goto(path);
    });
  },
});

export { expect } from '@playwright/test';
