// `npm start`: the local stack and the SPA's Vite dev server together. Seeds the demo accounts
// on the first start, prints the app's URL and the demo logins; Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exitUnlessHealthy, printStack, stopOnSignals } from './cli.ts';
import { projectRoot } from './database.ts';
import { printDemoLogins, seedDemo } from './seed-demo.ts';
import { startStack, stackSettingsFromEnv } from './server.ts';

const APP_URL = process.env.LOCAL_APP_URL ?? 'http://127.0.0.1:5173';

async function waitForApp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((res) => res.status < 500)
      .catch(() => false);
    if (ok) return true;
    await new Promise((done) => setTimeout(done, 250));
  }
  return false;
}

async function main(): Promise<void> {
  const started = Date.now();
  const settings = stackSettingsFromEnv();
  console.log(`Starting the local stack (data in ${settings.dataDir})…`);
  const stack = await startStack({ ...settings, siteUrl: APP_URL });
  await exitUnlessHealthy(stack);

  const seededMarker = join(settings.dataDir, 'demo-seeded');
  if (!existsSync(seededMarker)) {
    try {
      await seedDemo({ url: stack.url, serviceRoleKey: stack.serviceRoleKey, dbUrl: stack.dbUrl });
      writeFileSync(seededMarker, `${new Date().toISOString()}\n`);
    } catch (error) {
      console.error(`Seeding the demo data failed (run npm run seed:demo later): ${error}`);
    }
  }

  // Vite gives variables already in the environment precedence over .env files.
  // Own process group, so Ctrl-C reaches this process only and both stop in order.
  const vite = spawn(join(projectRoot, 'node_modules/.bin/vite'), [], {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, VITE_SUPABASE_URL: stack.url, VITE_SUPABASE_ANON_KEY: stack.anonKey },
  });
  process.on('exit', () => vite.kill('SIGKILL'));
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    if (vite.exitCode === null && vite.signalCode === null) {
      await new Promise<void>((done) => {
        vite.once('exit', () => done());
        vite.kill('SIGTERM');
      });
    }
    await stack.stop();
  };
  stopOnSignals(stopAll);
  vite.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`Vite exited (${signal ?? code}); stopping the stack.`);
    void stack.stop().finally(() => process.exit(code ?? 1));
  });

  const appUp = await waitForApp(APP_URL, 30_000);
  printStack(stack);
  console.log(`App: ${APP_URL}${appUp ? '' : ' (Vite is still starting)'}`);
  printDemoLogins();
  console.log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops both.`);
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
});
