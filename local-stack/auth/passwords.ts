// Password hashing as Supabase Auth does it (bcrypt, Go's DefaultCost 10, so hashes move
// between this stack and GoTrue), on a small pool of worker threads: bcrypt on the event loop
// would stall every other request while sign-ins run.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** golang.org/x/crypto/bcrypt's DefaultCost, which GoTrue uses. */
export const BCRYPT_COST = 10;
/** bcrypt reads at most 72 bytes of a password; GoTrue refuses longer ones (MaxPasswordLength). */
export const MAX_PASSWORD_BYTES = 72;

export const passwordBytes = (password: string): number => Buffer.byteLength(password, 'utf8');

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  compare(password: string, hash: string): Promise<boolean>;
  close(): Promise<void>;
}

type Job =
  | { op: 'hash'; password: string; cost: number }
  | { op: 'compare'; password: string; hash: string };

interface Pending {
  job: Job;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy?: { id: number; pending: Pending };
}

const WORKER_URL = new URL('./bcrypt-worker.js', import.meta.url);

/**
 * Workers start on first use and stay unref'd (they never keep a process alive); a worker that
 * dies fails only its own job and is replaced.
 */
export function createPasswordHasher(
  size = Math.max(1, availableParallelism() - 1),
): PasswordHasher {
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 0;
  let closed = false;

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL) };
    slot.worker.unref();
    slot.worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const current = slot.busy;
      if (!current || current.id !== message.id) return;
      slot.busy = undefined;
      if (message.error !== undefined) current.pending.reject(new Error(message.error));
      else current.pending.resolve(message.result);
      dispatch();
    });
    const fail = (error: Error) => {
      slots.splice(slots.indexOf(slot), 1);
      slot.busy?.pending.reject(error);
      slot.busy = undefined;
      dispatch();
    };
    slot.worker.once('error', fail);
    slot.worker.once('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`bcrypt worker exited (${code})`));
    });
    slots.push(slot);
    return slot;
  }

  function dispatch(): void {
    while (!closed && queue.length > 0) {
      const slot =
        slots.find((candidate) => !candidate.busy) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const pending = queue.shift()!;
      nextId += 1;
      slot.busy = { id: nextId, pending };
      slot.worker.postMessage({ id: nextId, ...pending.job });
    }
  }

  function run<T>(job: Job): Promise<T> {
    if (closed) return Promise.reject(new Error('the password hasher is closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      dispatch();
    });
  }

  return {
    hash: (password) => run<string>({ op: 'hash', password, cost: BCRYPT_COST }),
    compare: (password, hash) => run<boolean>({ op: 'compare', password, hash }),
    async close() {
      closed = true;
      const stopped = new Error('the password hasher is closed');
      for (const pending of queue.splice(0)) pending.reject(stopped);
      await Promise.all(
        slots.splice(0).map((slot) => {
          slot.busy?.pending.reject(stopped);
          return slot.worker.terminate();
        }),
      );
    },
  };
}
