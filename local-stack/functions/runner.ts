// Node side of /functions/v1: runs local-stack/functions/main.ts in real Deno (the `deno` npm
// package), proxies requests to it, and restarts it if it ever dies.
import { spawn, type ChildProcess } from 'node:child_process';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readConfigSections } from '../config-toml.ts';
import { projectRoot } from '../database.ts';
import { sendJson } from '../auth/http.ts';

const denoBin = join(projectRoot, 'node_modules/.bin/deno');
const mainModule = join(projectRoot, 'local-stack/functions/main.ts');
const READY_TIMEOUT_MS = 120_000;

/**
 * Host variables Deno itself needs (cache, proxies, certificates); nothing else leaks in. The
 * certificate ones matter where HTTPS goes through a proxy with its own CA: an AI provider must
 * stay reachable from the functions.
 */
const HOST_ENV = [
  'PATH',
  'HOME',
  'TMPDIR',
  'DENO_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'NPM_CONFIG_REGISTRY',
  'DENO_CERT',
  'DENO_TLS_CA_STORE',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
];

/**
 * npm packages come from the project's node_modules as `npm ci` installed them (one lockfile,
 * package-lock.json), never from the registry at run time. Deno runs from the project root, so
 * the root package.json is its only configuration: bare imports ('zod/mini') resolve there. Each
 * function's own deno.json maps the same names to `npm:` specifiers of the same versions (a unit
 * test holds them equal) for `supabase functions deploy`, which bundles from it.
 */
export const DENO_RESOLUTION_FLAGS = ['--node-modules-dir=manual', '--no-lock'];

export interface FunctionsOptions {
  functionsDir: string;
  /** The functions' environment (SUPABASE_URL, keys, AI settings, ...). */
  env: Record<string, string>;
  /** Deno's host variables (HOST_ENV); default: those of process.env. */
  hostEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export interface FunctionsRunner {
  /** Names of the functions Deno found. */
  readonly names: string[];
  /** Functions that failed to boot, with the reason in one line. */
  readonly bootErrors: Record<string, string>;
  /** Whether Deno is up and serving. */
  readonly ready: boolean;
  /** `path` is what follows /functions/v1, e.g. '/echo/x'. */
  proxy(req: IncomingMessage, res: ServerResponse, path: string, url: URL): void;
  /** `verify_jwt` of supabase/config.toml's [functions.<name>] (default true, like Supabase). */
  verifiesJwt(name: string): boolean;
  stop(): Promise<void>;
}

/** `[functions.<name>] verify_jwt = false` entries of the config.toml beside the functions dir. */
function readVerifyJwt(functionsDir: string): Map<string, boolean> {
  const settings = new Map<string, boolean>();
  for (const [section, values] of readConfigSections(join(functionsDir, '..', 'config.toml'))) {
    const name = /^functions\.(.+)$/.exec(section)?.[1];
    const verify = values.get('verify_jwt');
    if (name && (verify === 'true' || verify === 'false')) settings.set(name, verify === 'true');
  }
  return settings;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

export async function startFunctions(options: FunctionsOptions): Promise<FunctionsRunner> {
  const functionsDir = resolve(options.functionsDir);
  const log = options.log ?? ((line: string) => console.log(line));
  const verifyJwt = readVerifyJwt(functionsDir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let child: ChildProcess | undefined;
  let port = 0;
  let names: string[] = [];
  let bootErrors: Record<string, string> = {};
  let ready = false;
  let stopping = false;
  let restarts = 0;

  const args = ['run', '--allow-all', '--no-prompt', ...DENO_RESOLUTION_FLAGS, mainModule];

  function launch(): Promise<void> {
    return new Promise((resolveReady, reject) => {
      const env: Record<string, string> = {};
      const host = options.hostEnv ?? process.env;
      for (const key of HOST_ENV) {
        const value = host[key];
        if (value !== undefined) env[key] = value;
      }
      Object.assign(env, options.env, {
        LOCAL_FUNCTIONS_DIR: functionsDir,
        LOCAL_FUNCTIONS_PORT: '0',
        NO_COLOR: '1',
      });
      // Own process group: a terminal's Ctrl-C reaches the stack, which then stops Deno itself.
      const proc = spawn(denoBin, args, {
        cwd: projectRoot,
        env,
        // stdin stays open for Deno's life: its end tells Deno the stack is gone.
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
      child = proc;
      const timer = setTimeout(() => {
        reject(new Error(`Deno functions did not start within ${READY_TIMEOUT_MS / 1000} s`));
        proc.kill('SIGKILL');
      }, READY_TIMEOUT_MS);
      createInterface({ input: proc.stdout! }).on('line', (line) => {
        const readyLine = /^LOCAL_FUNCTIONS_READY (\d+) (.*)$/.exec(line);
        if (readyLine && !ready) {
          clearTimeout(timer);
          port = Number(readyLine[1]);
          const loaded = JSON.parse(readyLine[2] ?? '{}') as Partial<FunctionsRunner>;
          names = loaded.names ?? [];
          bootErrors = loaded.bootErrors ?? {};
          ready = true;
          resolveReady();
          return;
        }
        log(`[functions] ${line}`);
      });
      createInterface({ input: proc.stderr! }).on('line', (line) => log(`[functions] ${line}`));
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        ready = false;
        if (child === proc) child = undefined;
        if (stopping) return;
        log(`[functions] Deno exited (${signal ?? code}); restarting`);
        reject(new Error(`Deno functions exited (${signal ?? code}) before they were ready`));
        // Keep serving: bring Deno back, slower after repeated crashes.
        const delay = Math.min(5000, 200 * 2 ** Math.min(restarts, 5));
        restarts += 1;
        setTimeout(() => {
          if (!stopping) launch().catch((error: Error) => log(`[functions] ${error.message}`));
        }, delay);
      });
    });
  }

  // Never leave Deno behind, whatever way this process ends.
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);

  try {
    await launch();
  } catch (error) {
    stopping = true;
    process.off('exit', killOnExit);
    child?.kill('SIGKILL');
    throw error;
  }
  restarts = 0;

  return {
    get names() {
      return names;
    },
    get bootErrors() {
      return bootErrors;
    },
    get ready() {
      return ready;
    },
    verifiesJwt(name) {
      return verifyJwt.get(name) ?? true;
    },
    proxy(req, res, path, url) {
      if (!ready) {
        sendJson(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'Functions are restarting' });
        return;
      }
      const headers: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(key)) headers[key] = value;
      }
      const upstream = http.request(
        {
          agent,
          host: '127.0.0.1',
          port,
          method: req.method,
          path: `${path}${url.search}`,
          headers,
        },
        (answer) => {
          const out: Record<string, string | string[]> = {};
          for (const [key, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(key)) out[key] = value;
          }
          // The function answered before reading the whole body (a 413, say): the rest of it
          // still sits on both connections. Close the client's, as a server does, and never
          // reuse Deno's, which is mid-request.
          const bodyUnread = !req.complete;
          if (bodyUnread) {
            out.connection = 'close';
            req.unpipe(upstream);
            req.resume();
          }
          res.writeHead(answer.statusCode ?? 502, out);
          answer.pipe(res);
          if (bodyUnread) answer.on('end', () => upstream.destroy());
        },
      );
      upstream.on('error', (error) => {
        log(`[functions] proxy error: ${error.message}`);
        if (!res.headersSent) {
          sendJson(res, 502, { code: 'BAD_GATEWAY', message: 'Function runtime unavailable' });
        } else {
          res.destroy();
        }
      });
      req.pipe(upstream);
    },
    async stop() {
      stopping = true;
      process.off('exit', killOnExit);
      agent.destroy();
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((done) => {
        const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
        proc.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        proc.kill('SIGTERM');
      });
    },
  };
}
