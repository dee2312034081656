// `npm run test:functions`: starts the local stack (fresh data dir, free port, rule-based
// coach), then runs the Edge Functions' `deno test` suites against it with the environment
// Supabase gives functions, then stops the stack. Both Deno processes (the stack's and the
// tests') run with an empty Deno cache and the registry unreachable, so a function that would
// download anything at run time fails here instead of on a developer's machine.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, tempDataDir } from '../../local-stack/database.ts';
import { offlineDenoEnv } from '../../local-stack/functions/offline-env.ts';
import { DENO_RESOLUTION_FLAGS } from '../../local-stack/functions/runner.ts';
import { startStack } from '../../local-stack/server.ts';

/** The function folders; _shared's unit tests run under Vitest, not here. */
function functionDirs(): string[] {
  return readdirSync(join(projectRoot, 'supabase/functions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => `supabase/functions/${entry.name}`);
}

const offline = await offlineDenoEnv();
const dataDir = tempDataDir('pullup-functions-tests');
// Every test athlete signs in from this one address: auth rate limits would cut the suite short.
const stack = await startStack({
  port: 0,
  dataDir,
  env: { AI_API_KEY: '' },
  denoEnv: offline.env,
  log: () => {},
  authRateLimits: false,
});
let code = 1;
try {
  const problem = stack.problem();
  if (problem) throw new Error(problem);
  const args = [
    'test',
    '--allow-net',
    '--allow-env',
    '--allow-read',
    ...DENO_RESOLUTION_FLAGS,
    ...(process.argv.slice(2).length ? process.argv.slice(2) : functionDirs()),
  ];
  code = await new Promise<number>((resolveCode) => {
    const child = spawn(join(projectRoot, 'node_modules/.bin/deno'), args, {
      cwd: projectRoot,
      stdio: 'inherit',
      env: {
        ...offline.env,
        SUPABASE_URL: stack.url,
        SUPABASE_ANON_KEY: stack.anonKey,
        SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
        SUPABASE_DB_URL: stack.dbUrl,
        NO_COLOR: '1',
      },
    });
    child.on('exit', (exitCode) => resolveCode(exitCode ?? 1));
  });
} catch (error) {
  console.error(`test:functions: ${(error as Error).message}`);
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
  offline.cleanup();
}
process.exit(code);
