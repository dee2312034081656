// `npm run bench:lighthouse`: Lighthouse (mobile, simulated throttling, performance only) in
// Chromium against the built SPA, served gzipped like a CDN, and a fresh local stack with the
// demo athlete signed in: the dashboard, history and progress screens against their targets.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { buildSpa } from '../../e2e/support/build-spa.ts';
import { serveStatic, type StaticServer } from '../../e2e/support/static-server.ts';
import { freePort, tempDataDir } from '../../local-stack/database.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../local-stack/seed-demo.ts';
import { startStack, type Stack } from '../../local-stack/server.ts';

const SCREENS = [
  { name: 'dashboard', path: '/', heading: 'Today' },
  { name: 'history', path: '/history', heading: 'History' },
  { name: 'progress', path: '/progress', heading: 'Progress' },
];
const TARGETS = { score: 95, lcpMs: 2000, tbtMs: 150, cls: 0.05 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// One Lighthouse run is noisy on a small machine: each screen is measured LIGHTHOUSE_RUNS times
// and the run with the median score is reported, as Lighthouse's own docs advise.
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5));
// LIGHTHOUSE_SCREENS=dashboard,history measures only those.
const ONLY = process.env.LIGHTHOUSE_SCREENS?.split(',');

interface Row {
  screen: string;
  score?: number;
  lcpMs?: number;
  tbtMs?: number;
  cls?: number;
  note?: string;
}

const work = mkdtempSync(join(tmpdir(), 'pullup-lighthouse-'));
const dataDir = tempDataDir('pullup-lighthouse-stack');
let stack: Stack | undefined;
let app: StaticServer | undefined;
let browserProcess: ChildProcess | undefined;

async function cleanup(): Promise<void> {
  browserProcess?.kill();
  await app?.stop().catch(() => {});
  await stack?.stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

async function waitForDevtools(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/json/version`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('Chromium did not open its DevTools port');
}

async function demoSession(stackUrl: string, anonKey: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${stackUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: DEMO_ACCOUNTS.athlete.email,
      password: DEMO_ACCOUNTS.athlete.password,
    }),
  });
  if (!res.ok) throw new Error(`demo sign-in failed: ${res.status} ${await res.text()}`);
  const session = (await res.json()) as Record<string, unknown>;
  // auth-js stores expires_at (seconds) beside the token response's expires_in.
  session.expires_at ??= Math.floor(Date.now() / 1000) + Number(session.expires_in ?? 3600);
  return session;
}

/** Whether the screen exists in this build (the router shows "Page not found" otherwise). */
async function screenExists(port: number, url: string, heading: string): Promise<boolean> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    await page.goto(url);
    const found = await page
      .getByRole('heading', { level: 1, name: heading })
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    await page.close();
    return found;
  } finally {
    // Disconnects only: the browser stays up for Lighthouse.
    await browser.close();
  }
}

/** The run with the median score (ties: the median TBT among them). */
function medianRun(runs: Row[]): Row {
  const sorted = [...runs].sort((a, b) => a.score! - b.score! || b.tbtMs! - a.tbtMs!);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

function printTable(rows: Row[]): void {
  const header = ['screen', 'score (≥ 95)', 'LCP (≤ 2.0 s)', 'TBT (≤ 150 ms)', 'CLS (≤ 0.05)'];
  const lines = rows.map((row) =>
    row.score === undefined
      ? [row.screen, row.note ?? 'skipped', '', '', '']
      : [
          row.screen,
          `${row.score} ${met(row.score >= TARGETS.score)}`,
          `${((row.lcpMs ?? 0) / 1000).toFixed(2)} s ${met((row.lcpMs ?? 0) <= TARGETS.lcpMs)}`,
          `${Math.round(row.tbtMs ?? 0)} ms ${met((row.tbtMs ?? 0) <= TARGETS.tbtMs)}`,
          `${(row.cls ?? 0).toFixed(3)} ${met((row.cls ?? 0) <= TARGETS.cls)}`,
        ],
  );
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

let code = 1;
try {
  const appPort = await freePort();
  stack = await startStack({
    port: 0,
    dataDir,
    siteUrl: `http://127.0.0.1:${appPort}`,
    env: { ALLOWED_ORIGINS: '*', AI_API_KEY: '' },
    log: () => {},
    onMail: () => {},
  });
  await seedDemo({
    url: stack.url,
    serviceRoleKey: stack.serviceRoleKey,
    dbUrl: stack.dbUrl,
    log: (line) => console.log(line),
  });
  const outDir = join(work, 'dist');
  await buildSpa({ outDir, supabaseUrl: stack.url, anonKey: stack.anonKey });
  app = await serveStatic(outDir, appPort);
  console.log(`[lighthouse] app ${app.url}, stack ${stack.url}`);

  const debugPort = await freePort();
  browserProcess = spawn(
    CHROMIUM,
    [
      `--remote-debugging-port=${debugPort}`,
      `--user-data-dir=${join(work, 'profile')}`,
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  await waitForDevtools(debugPort);

  // Signed in as after an earlier visit: auth-js's stored session on the app's origin.
  const storageKey = `sb-${new URL(stack.url).hostname.split('.')[0]}-auth-token`;
  const session = await demoSession(stack.url, stack.anonKey);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
  const page = await browser.contexts()[0]!.newPage();
  await page.goto(`${app.url}/favicon.svg`);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
    storageKey,
    JSON.stringify(session),
  ] as const);
  await page.close();
  await browser.close();

  const rows: Row[] = [];
  for (const screen of SCREENS.filter((s) => !ONLY || ONLY.includes(s.name))) {
    const url = `${app.url}${screen.path}`;
    if (!(await screenExists(debugPort, url, screen.heading))) {
      rows.push({ screen: screen.name, note: 'skipped (screen not in this build)' });
      continue;
    }
    try {
      const runs: Row[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const result = await lighthouse(url, {
          port: debugPort,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          formFactor: 'mobile',
          screenEmulation: {
            mobile: true,
            width: 412,
            height: 823,
            deviceScaleFactor: 1.75,
            disabled: false,
          },
          throttlingMethod: 'simulate',
          disableStorageReset: true,
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error('Lighthouse returned no report');
        if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
        // LIGHTHOUSE_REPORT_DIR keeps each run's full report and trace for diagnosis (long
        // tasks, what runs in them).
        if (process.env.LIGHTHOUSE_REPORT_DIR) {
          const base = join(process.env.LIGHTHOUSE_REPORT_DIR, `${screen.name}-${run}`);
          writeFileSync(`${base}.json`, JSON.stringify(lhr, null, 2));
          const trace = (result.artifacts as { Trace?: unknown }).Trace;
          if (trace) writeFileSync(`${base}.trace.json`, JSON.stringify(trace));
        }
        const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        runs.push({
          screen: screen.name,
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          lcpMs: numeric('largest-contentful-paint'),
          tbtMs: numeric('total-blocking-time'),
          cls: numeric('cumulative-layout-shift'),
        });
      }
      console.log(
        `[lighthouse] ${screen.name}: scores ${runs.map((r) => r.score).join(', ')}; TBT ${runs
          .map((r) => Math.round(r.tbtMs ?? 0))
          .join(', ')} ms`,
      );
      rows.push(medianRun(runs));
    } catch (error) {
      rows.push({ screen: screen.name, note: `skipped (${(error as Error).message})` });
    }
  }
  printTable(rows);
  code = 0;
} catch (error) {
  console.error(`[lighthouse] ${(error as Error).stack ?? String(error)}`);
} finally {
  await cleanup();
}
process.exit(code);
