// Keeps the stack's embedded PostgreSQL running: when it dies (a crash, a kill), the API
// answers 503 while it is started again on the same data dir (PostgreSQL's crash recovery
// replays the WAL, so every committed write is back), and the stack gives up loudly if it
// cannot be started again.
import type { LocalDatabase } from './database.ts';

export interface DatabaseSupervisor {
  /** False from the moment PostgreSQL is seen to die until it accepts connections again. */
  isUp(): boolean;
  /** Stops watching (before the stack stops the database itself). */
  stop(): void;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  /** Awaited before each restart; tests hold it to look at the outage. */
  beforeRestart?: () => Promise<void>;
  /** Called when PostgreSQL cannot be started again; the stack exits. */
  onFatal: (error: Error) => void;
  /** Tries before giving up (default 10, backing off from 0.2 s to 2 s: about 11 s). */
  attempts?: number;
}

export function superviseDatabase(
  db: LocalDatabase,
  options: SupervisorOptions,
): DatabaseSupervisor {
  let up = true;
  let watching = true;
  const attempts = options.attempts ?? 10;

  async function bringBack(reason: string): Promise<void> {
    options.log(`[stack] PostgreSQL ${reason}; starting it again`);
    await options.beforeRestart?.();
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts && watching; attempt += 1) {
      try {
        await db.restart();
        up = true;
        options.log(`[stack] PostgreSQL is back (pid ${db.pid})`);
        return;
      } catch (error) {
        // Its old backends may still hold the shared memory for a moment after a kill.
        lastError = error;
        await new Promise((done) => setTimeout(done, Math.min(2000, 200 * attempt)));
      }
    }
    if (watching) {
      options.onFatal(
        new Error(`PostgreSQL could not be started again after ${attempts} tries: ${lastError}`),
      );
    }
  }

  db.onUnexpectedExit((reason) => {
    if (!watching) return;
    up = false;
    void bringBack(reason).catch((error: unknown) =>
      options.onFatal(error instanceof Error ? error : new Error(String(error))),
    );
  });

  return {
    isUp: () => up,
    stop() {
      watching = false;
    },
  };
}
