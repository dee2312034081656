// One PostgreSQL 17 for the whole database suite: the platform bootstrap and the project's
// migrations (applied by `supabase db push`, as in production) in `postgres`, and the
// seed's original SQL in a second database so the regressions it had can be shown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  applyBootstrap,
  projectRoot,
  startMigratedDatabase,
  tempDataDir,
} from '../../local-stack/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbUrl: string;
    seedDbUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await startMigratedDatabase({ dataDir: tempDataDir('pullup-db-tests') });
  const seedDbUrl = db.url.replace(/\/postgres$/, '/seed_schema');
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query('create database seed_schema');
  await admin.end();
  await applyBootstrap(seedDbUrl);
  const seed = new pg.Client({ connectionString: seedDbUrl });
  await seed.connect();
  await seed.query(
    readFileSync(join(projectRoot, 'supabase/tests/fixtures/seed-schema.sql'), 'utf8'),
  );
  await seed.end();

  project.provide('dbUrl', db.url);
  project.provide('seedDbUrl', seedDbUrl);
  return () => db.stop();
}
