// `npm run db:advisors`: Supabase's database linter (`supabase db advisors`) on a fresh
// database with every migration applied. Fails on any warning, and on the INFO-level
// unindexed_foreign_keys lint, which the project treats as an error.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot, startMigratedDatabase, tempDataDir } from '../../local-stack/database.ts';

const run = promisify(execFile);

interface Lint {
  name: string;
  level: string;
  detail: string;
}

const db = await startMigratedDatabase({ dataDir: tempDataDir('pullup-db-advisors') });
let failed = false;
try {
  const { stdout } = await run(
    join(projectRoot, 'node_modules/.bin/supabase'),
    [
      'db',
      'advisors',
      '--db-url',
      `${db.url}?sslmode=disable`,
      '--level',
      'info',
      '--output-format',
      'json',
    ],
    { cwd: projectRoot, env: { ...process.env, DO_NOT_TRACK: '1' } },
  ).catch((error: { stdout?: string; stderr?: string }) => {
    console.error(error.stderr);
    throw error;
  });
  // The CLI prints {"results": [...]} (or nothing when the database is clean).
  const parsed = JSON.parse(stdout.trim() || '{"results": []}') as { results?: Lint[] };
  if (!Array.isArray(parsed.results)) throw new Error(`Unexpected advisors output: ${stdout}`);
  const lints = parsed.results;
  for (const lint of lints) console.log(`${lint.level.padEnd(5)} ${lint.name}: ${lint.detail}`);
  const blocking = lints.filter(
    (lint) => lint.level !== 'INFO' || lint.name === 'unindexed_foreign_keys',
  );
  console.log(
    `${lints.length} finding(s), ${blocking.length} blocking (warnings, errors, unindexed foreign keys).`,
  );
  failed = blocking.length > 0;
} finally {
  await db.stop();
}
process.exit(failed ? 1 : 0);
