// Fault test: when its PostgreSQL dies and cannot be started again (here its data directory
// is gone), `npm run stack` says so and exits non-zero instead of serving 503s forever.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { freePort, projectRoot, tempDataDir } from './database.ts';
import { pgDataDir } from './server.ts';

it('exits loudly when PostgreSQL cannot be started again', async () => {
  const dataDir = tempDataDir('stack-db-fatal-test');
  const child = spawn(
    join(projectRoot, 'node_modules/.bin/tsx'),
    [join(projectRoot, 'local-stack/cli.ts')],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        LOCAL_STACK_PORT: String(await freePort()),
        LOCAL_STACK_DB_PORT: String(await freePort()),
        LOCAL_STACK_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Ready in')) resolve();
      });
      void exited.then(() => reject(new Error(`the stack exited early: ${stderr}`)));
    });
    const pgdata = pgDataDir(dataDir);
    const pid = Number(readFileSync(join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    rmSync(pgdata, { recursive: true, force: true });

    expect(await exited).toBe(1);
    expect(stderr).toMatch(/PostgreSQL could not be started again after 10 tries/);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
