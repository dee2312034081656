// `npm run test:e2e`: the local stack (fresh data dir, free port, rule-based coach), the SPA
// built by Vite against it and served like a CDN would, then Playwright's runner (Chromium at
// a phone viewport) over e2e/. Extra arguments go to `playwright test` (e.g. a file or --grep).
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, projectRoot, tempDataDir } from '../../local-stack/database.ts';
import { startStack, type Stack } from '../../local-stack/server.ts';
import { buildSpa } from '../../e2e/support/build-spa.ts';
import { serveStatic, type StaticServer } from '../../e2e/support/static-server.ts';

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'pullup-e2e-'));
const dataDir = tempDataDir('pullup-e2e-stack');
const outDir = join(work, 'dist');
const mailLog = join(work, 'mail.jsonl');
const stackLog = join(work, 'stack.log');
writeFileSync(mailLog, '');
writeFileSync(stackLog, '');

let stack: Stack | undefined;
let app: StaticServer | undefined;
let stopping: Promise<void> | undefined;
const stopAll = () =>
  (stopping ??= (async () => {
    await app?.stop().catch(() => {});
    await stack?.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

let code = 1;
try {
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  stack = await startStack({
    port: 0,
    dataDir,
    siteUrl: appUrl,
    // '*' lets the functions answer the app's origin; an empty key keeps the coach rule-based.
    env: { ALLOWED_ORIGINS: '*', AI_API_KEY: '' },
    onMail: (mail) => appendFileSync(mailLog, `${JSON.stringify(mail)}\n`),
    log: (line) => appendFileSync(stackLog, `${line}\n`),
    // Every spec's athletes sign in from this one address: auth rate limits would fail the run.
    authRateLimits: false,
  });
  console.log(`[e2e] stack ${stack.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  await buildSpa({
    outDir,
    supabaseUrl: stack.url,
    anonKey: stack.anonKey,
  });
  app = await serveStatic(outDir, appPort);
  console.log(`[e2e] app ${app.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  code = await new Promise<number>((resolveCode) => {
    const child = spawn(
      join(projectRoot, 'node_modules/.bin/playwright'),
      ['test', '--config', 'e2e/playwright.config.ts', ...process.argv.slice(2)],
      {
        cwd: projectRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          E2E_APP_URL: app!.url,
          E2E_STACK_URL: stack!.url,
          E2E_MAIL_LOG: mailLog,
        },
      },
    );
    child.on('exit', (exitCode) => resolveCode(exitCode ?? 1));
  });
  if (code !== 0)
    console.log(
      `[e2e] stack output: ${stackLog}${process.env.E2E_KEEP ? '' : ' (E2E_KEEP=1 keeps it)'}`,
    );
} catch (error) {
  console.error(`[e2e] ${(error as Error).stack ?? String(error)}`);
} finally {
  await stopAll();
}
process.exit(code);
