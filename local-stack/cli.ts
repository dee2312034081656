// `npm run stack`: the local Supabase-compatible backend in the foreground (Ctrl-C stops it).
// `npm run stack:reset`: wipes its data and exits (the next start is a fresh database, and
// `npm start` seeds the demo accounts again).
// Settings: LOCAL_STACK_PORT (54321), LOCAL_STACK_DB_PORT (54322), LOCAL_STACK_HOST
// (127.0.0.1), LOCAL_STACK_DATA_DIR (.local-stack/), LOCAL_STACK_FUNCTIONS_DIR (supabase/functions),
// AI_* and ALLOWED_ORIGINS for the functions.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOCAL_JWT_SECRET } from './keys.ts';
import { startStack, stackSettingsFromEnv, wipeStackData, type Stack } from './server.ts';

export function printStack(stack: Stack): void {
  const lines = [
    '',
    'Local Supabase-compatible stack is running (development only).',
    '',
    `         API URL: ${stack.url}`,
    `    Database URL: ${stack.dbUrl}`,
    `      JWT secret: ${LOCAL_JWT_SECRET}`,
    `        anon key: ${stack.anonKey}`,
    `service_role key: ${stack.serviceRoleKey}`,
    '',
    'SPA .env: VITE_SUPABASE_URL=' + stack.url,
    '          VITE_SUPABASE_ANON_KEY=<the anon key above>',
    '',
  ];
  console.log(lines.join('\n'));
}

/**
 * Never say Ready when something is not: prints what is wrong in one line, stops the stack and
 * exits non-zero.
 */
export async function exitUnlessHealthy(stack: Stack): Promise<void> {
  const problem = stack.problem();
  if (!problem) return;
  console.error(`Could not start the local stack: ${problem}`);
  await stack.stop();
  process.exit(1);
}

/** Stops the stack on Ctrl-C / SIGTERM, once, then exits. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

async function main(): Promise<void> {
  const settings = stackSettingsFromEnv();
  if (process.argv.includes('--reset')) {
    wipeStackData(settings.dataDir);
    console.log(`Wiped ${settings.dataDir}; the next start begins from an empty database.`);
    return;
  }
  const started = Date.now();
  console.log(`Starting the local stack (data in ${settings.dataDir})…`);
  const stack = await startStack(settings);
  await exitUnlessHealthy(stack);
  stopOnSignals(stack.stop);
  printStack(stack);
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops it.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`Could not start the local stack: ${(error as Error).message}`);
    process.exit(1);
  });
}
