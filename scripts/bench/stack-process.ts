// The local stack in its own process, as `npm run stack` runs it, so a bench's simulated clients
// do not share its event loop. Auth rate limits are off: every simulated athlete signs in from
// this one address.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort, projectRoot } from '../../local-stack/database.ts';

export async function startStackProcess(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; dbPort: number }> {
  const port = await freePort();
  const dbPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'local-stack/cli.ts'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      LOCAL_STACK_PORT: String(port),
      LOCAL_STACK_DB_PORT: String(dbPort),
      LOCAL_STACK_DATA_DIR: dataDir,
      LOCAL_STACK_AUTH_RATE_LIMITS: 'off',
    },
  });
  await new Promise<void>((resolveReady, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the stack exited (${code}) before it was ready`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('Ready in')) resolveReady();
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, dbPort };
}
