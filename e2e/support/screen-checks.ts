// The checks every screen gets: axe in light and dark, and no sideways scrolling at 360 px.
import { expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y.ts';

/** The narrowest phone the app supports: nothing may overflow it sideways. */
export async function expectNoHorizontalScroll(page: Page, screen = page.url()): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 360, height: viewport?.height ?? 800 });
  try {
    // Let layout settle on the new width (two frames) before measuring.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(widths.scroll, `${screen} scrolls sideways at 360 px`).toBeLessThanOrEqual(widths.inner);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

/** axe (light and dark colour schemes) and the 360 px overflow check on the current screen. */
export async function checkScreen(page: Page, screen: string): Promise<void> {
  await expectNoSeriousA11yViolations(page, `${screen} (light)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    await expectNoSeriousA11yViolations(page, `${screen} (dark)`);
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await expectNoHorizontalScroll(page, screen);
}
