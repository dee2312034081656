// `npx tsx scripts/tools/make-icons.ts`: renders the app's PNG icons (home screen, splash, iOS) from
// the favicon's drawing with Chromium, into public/icons/. Run again when the logo changes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from '../../local-stack/database.ts';

const BACKGROUND = '#0f172a';
// The favicon's bar and arms, on a 64-unit grid.
const GLYPH =
  '<path d="M10 16h44" stroke="#38bdf8" stroke-width="6" stroke-linecap="round"/>' +
  '<path d="M22 16v14m20-14v14M32 28v22" stroke="#f8fafc" stroke-width="6" stroke-linecap="round"/>';

/** Full-bleed square; `scale` shrinks the glyph into the maskable safe zone (a centred circle of 80 %). */
function svg(scale: number, rounded: boolean): string {
  const offset = (64 - 64 * scale) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" ${rounded ? 'rx="14"' : ''} fill="${BACKGROUND}"/>` +
    `<g transform="translate(${offset} ${offset}) scale(${scale})">${GLYPH}</g></svg>`
  );
}

const icons = [
  { file: 'icon-192.png', size: 192, svg: svg(1, true) },
  { file: 'icon-512.png', size: 512, svg: svg(1, true) },
  { file: 'maskable-192.png', size: 192, svg: svg(0.72, false) },
  { file: 'maskable-512.png', size: 512, svg: svg(0.72, false) },
  // iOS rounds the corners itself and shows transparency as black.
  { file: 'apple-touch-icon-180.png', size: 180, svg: svg(0.86, false) },
];

const outDir = join(projectRoot, 'public/icons');
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const icon of icons) {
    const page = await browser.newPage({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `) +
        `</body></html>`,
    );
    await page.screenshot({ path: join(outDir, icon.file), omitBackground: true });
    await page.close();
    console.log(`public/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
