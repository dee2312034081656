// The functions runner as a new developer meets it: the project's real functions boot from
// node_modules with no Deno cache and no registry, a function that cannot boot keeps the stack
// from saying Ready, and Deno never outlives the stack.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, tempDataDir } from '../database.ts';
import { LOCAL_ANON_KEY } from '../keys.ts';
import { startStack, type Stack } from '../server.ts';
import { offlineDenoEnv } from './offline-env.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function offlineStack(functionsDir?: string): Promise<Stack> {
  const offline = await offlineDenoEnv();
  const dataDir = tempDataDir('runner-test');
  const stack = await startStack({
    port: 0,
    dataDir,
    functionsDir,
    denoEnv: offline.env,
    log: () => {},
  });
  cleanups.push(async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    offline.cleanup();
  });
  return stack;
}

const projectFunctions = readdirSync(join(projectRoot, 'supabase/functions'), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name);

describe('the project functions with an empty Deno cache and no registry', () => {
  it('boot, and each answers with its own error shape', async () => {
    const stack = await offlineStack();
    expect(stack.problem()).toBeUndefined();
    const health = await fetch(`${stack.url}/auth/v1/health`, {
      headers: { apikey: LOCAL_ANON_KEY },
    });
    expect(health.status).toBe(200);

    expect(projectFunctions.length).toBeGreaterThanOrEqual(5);
    for (const name of projectFunctions) {
      // The anon key passes the gateway's JWT check but is no signed-in user: the function
      // itself must refuse it (401, or 405 for a GET-only one) in its own error shape, which it
      // cannot do if it failed to boot (503 BOOT_ERROR).
      const res = await fetch(`${stack.url}/functions/v1/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${LOCAL_ANON_KEY}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      const body = (await res.json()) as { error?: { code?: string } };
      expect({ name, clientError: res.status >= 400 && res.status < 500 }).toEqual({
        name,
        clientError: true,
      });
      expect(body.error?.code).toEqual(expect.any(String));
    }
  });
});

/** `npm run stack` on free ports over the given functions, its output collected as it comes. */
function runStackCli(dataDir: string, functionsDir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local-stack/cli.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ...env,
      LOCAL_STACK_PORT: '0',
      LOCAL_STACK_DB_PORT: '0',
      LOCAL_STACK_DATA_DIR: dataDir,
      LOCAL_STACK_FUNCTIONS_DIR: functionsDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, output };
}

describe('a function that cannot boot', () => {
  it('turns health into a 503 that names it and the reason', async () => {
    const stack = await offlineStack('local-stack/test-fixtures/broken-functions');
    expect(stack.problem()).toMatch(
      /^Edge Function needs-missing-package failed to boot: .*left-pad@1\.3\.0/,
    );
    const health = await fetch(`${stack.url}/auth/v1/health`, {
      headers: { apikey: LOCAL_ANON_KEY },
    });
    expect(health.status).toBe(503);
    expect(((await health.json()) as { msg: string }).msg).toBe(stack.problem());

    const broken = await fetch(`${stack.url}/functions/v1/needs-missing-package`, {
      headers: { Authorization: `Bearer ${LOCAL_ANON_KEY}` },
    });
    expect(broken.status).toBe(503);
    expect(await broken.json()).toMatchObject({ code: 'BOOT_ERROR' });
    const fine = await fetch(`${stack.url}/functions/v1/fine`, {
      headers: { Authorization: `Bearer ${LOCAL_ANON_KEY}` },
    });
    expect(await fine.text()).toBe('fine');
  });

  it('makes npm run stack print the reason in one line and exit non-zero', async () => {
    const offline = await offlineDenoEnv();
    const dataDir = tempDataDir('runner-cli-test');
    cleanups.push(() => {
      rmSync(dataDir, { recursive: true, force: true });
      offline.cleanup();
    });
    const { child, output } = runStackCli(dataDir, 'local-stack/test-fixtures/broken-functions', {
      ...offline.env,
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(1);
    expect(output.stdout).not.toMatch(/Ready/);
    const reasons = output.stderr.split('\n').filter((line) => line.startsWith('Could not start'));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/needs-missing-package failed to boot: .*left-pad@1\.3\.0/);
  });
});

/** Child PIDs of a process, from /proc (Linux). */
function childPids(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        const stat = readFileSync(`/proc/${candidate}/stat`, 'utf8');
        // Field 4 (after the parenthesised command name) is the parent PID.
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    });
}

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return check();
}

describe('Deno after the stack is killed', () => {
  it('exits too instead of living on as an orphan', async () => {
    const dataDir = tempDataDir('runner-orphan-test');
    const { child, output } = runStackCli(dataDir, 'local-stack/test-fixtures/functions');
    const children = () => childPids(child.pid!);
    try {
      expect(await waitFor(() => output.stdout.includes('Ready'), 60_000)).toBe(true);
      const deno = children().filter((pid) => commandOf(pid).includes('deno'));
      expect(deno).toHaveLength(1);
      const others = children().filter((pid) => !deno.includes(pid));
      child.kill('SIGKILL');
      expect(await waitFor(() => !existsSync(`/proc/${deno[0]}`), 10_000)).toBe(true);
      // PostgreSQL notices its parent's death on its own terms; don't leave it to the test host.
      for (const pid of others) process.kill(pid, 'SIGKILL');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a body the function refuses unread', () => {
  it('gets its 413 with Connection: close, and the next request on the same agent is answered', async () => {
    const stack = await offlineStack('local-stack/test-fixtures/functions');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(() => agent.destroy());
    const request = (method: string, body?: Buffer) =>
      new Promise<{ status: number; connection: string | undefined; text: string }>(
        (done, fail) => {
          const req = http.request(
            `${stack.url}/functions/v1/small-body`,
            {
              agent,
              method,
              headers: {
                Authorization: `Bearer ${LOCAL_ANON_KEY}`,
                ...(body ? { 'Content-Length': String(body.length) } : {}),
              },
            },
            (res) => {
              let text = '';
              res.on('data', (chunk: Buffer) => (text += chunk.toString()));
              res.on('end', () =>
                done({ status: res.statusCode!, connection: res.headers.connection, text }),
              );
            },
          );
          req.on('error', fail);
          req.end(body);
        },
      );

    const refused = await request('POST', Buffer.alloc(4 * 1024 * 1024, 'x'));
    expect(refused.status).toBe(413);
    expect(refused.connection).toBe('close');
    const next = await request('GET');
    expect(next).toMatchObject({ status: 200, text: '{"ok":true}' });
  });
});
