// `npm run bench:auth-load [signins...]`: how a flood of parallel password sign-ins (bcrypt)
// slows an unrelated REST read on the local stack. Prints the read's p50/p95/max alone, then
// while 12 and 50 sign-ins run at once (or the counts given). The stack runs in its own process,
// as `npm run stack` does, with auth rate limits off (every sign-in comes from one address).
import { rmSync } from 'node:fs';
import { tempDataDir } from '../../local-stack/database.ts';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../local-stack/keys.ts';
import { percentile } from './db/report.ts';
import { startStackProcess } from './stack-process.ts';

const floods = process.argv.slice(2).map(Number).filter(Number.isInteger);
const signInCounts = floods.length > 0 ? floods : [12, 50];
const dataDir = tempDataDir('bench-auth-load');
const { child, url } = await startStackProcess(dataDir);

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const res = await fetch(`${url}${path}`, {
    ...init,
    headers: {
      apikey: LOCAL_ANON_KEY,
      Authorization: `Bearer ${init.token ?? LOCAL_ANON_KEY}`,
      'Content-Type': 'application/json',
    },
  });
  const body = await res.text();
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${body}`);
  return body;
}

/** Sequential REST reads until `until` settles; their latencies in ms. */
async function readsDuring(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    await call('/rest/v1/sessions?select=id&limit=1');
    latencies.push(performance.now() - started);
    await new Promise((resolveTick) => setTimeout(resolveTick, 10));
  }
  return latencies;
}

const figures = (samples: number[]) =>
  `p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms, ` +
  `max ${Math.max(...samples).toFixed(0)} ms (${samples.length} reads)`;

try {
  const most = Math.max(...signInCounts);
  const emails = Array.from({ length: most }, (_, index) => `load-${index}@example.com`);
  for (const email of emails) {
    await call('/auth/v1/admin/users', {
      method: 'POST',
      token: LOCAL_SERVICE_ROLE_KEY,
      body: JSON.stringify({ email, password: 'load-password', email_confirm: true }),
    });
  }
  const idle = new Promise((resolveIdle) => setTimeout(resolveIdle, 1500));
  console.log(`\nREST read, no sign-ins:            ${figures(await readsDuring(idle))}`);
  for (const count of signInCounts) {
    const started = performance.now();
    const flood = Promise.all(
      emails.slice(0, count).map((email) =>
        call('/auth/v1/token?grant_type=password', {
          method: 'POST',
          body: JSON.stringify({ email, password: 'load-password' }),
        }),
      ),
    );
    const reads = await readsDuring(flood);
    await flood;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `REST read, ${String(count).padStart(2)} parallel sign-ins (${seconds} s): ${figures(reads)}`,
    );
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((done) => child.once('exit', done));
  rmSync(dataDir, { recursive: true, force: true });
}
