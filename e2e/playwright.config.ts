// Playwright for the SPA's journeys: Debian's Chromium, headless, a phone viewport. The app
// and stack URLs come from scripts/test/e2e.ts (`npm run test:e2e`), which starts both.
import { defineConfig, devices } from '@playwright/test';

const appUrl = process.env.E2E_APP_URL;
if (!appUrl) throw new Error('E2E_APP_URL is not set: run the journeys with `npm run test:e2e`');

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores, shared with the stack, its PostgreSQL and the functions runtime.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    ...devices['Pixel 7'],
    browserName: 'chromium',
    baseURL: appUrl,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Warsaw', // support/clock.ts's BROWSER_TIME_ZONE
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
