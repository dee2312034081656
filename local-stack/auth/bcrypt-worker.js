// One thread of the password hasher's pool (./passwords.ts): bcrypt is CPU-bound by design,
// so it runs here, never on the stack's event loop. Plain JavaScript, so it loads the same
// under tsx, vitest and node without a TypeScript loader.
import { parentPort } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

parentPort?.on('message', (job) => {
  try {
    const result =
      job.op === 'hash'
        ? bcrypt.hashSync(job.password, job.cost)
        : bcrypt.compareSync(job.password, job.hash);
    parentPort?.postMessage({ id: job.id, result });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: String(error?.message ?? error) });
  }
});
