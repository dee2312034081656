// Deno's host variables for a run that proves the functions need no network at run time: an
// empty Deno cache, and an npm registry and HTTP(S) proxy that point at a closed local port.
// Loopback stays direct, so the stack and test doubles on 127.0.0.1 are still reachable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../database.ts';

export interface OfflineDenoEnv {
  env: Record<string, string>;
  cleanup(): void;
}

export async function offlineDenoEnv(): Promise<OfflineDenoEnv> {
  const denoDir = mkdtempSync(join(tmpdir(), 'pullup-empty-deno-dir-'));
  const closed = `http://127.0.0.1:${await freePort()}`;
  const env: Record<string, string> = {
    DENO_DIR: denoDir,
    NPM_CONFIG_REGISTRY: closed,
    HTTP_PROXY: closed,
    HTTPS_PROXY: closed,
    http_proxy: closed,
    https_proxy: closed,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
  for (const key of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { env, cleanup: () => rmSync(denoDir, { recursive: true, force: true }) };
}
