// Migrations are applied as production applies them: `supabase db push`. A second push on
// the migrated test database finds nothing to do.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { projectRoot, pushMigrations } from '../../local-stack/database.ts';
import { connect } from './db.ts';

test('a second supabase db push says the database is up to date', async () => {
  const output = await pushMigrations(inject('dbUrl'));
  expect(output).toContain('Remote database is up to date.');
  const client = await connect();
  const { rows } = await client.query(
    'select version from supabase_migrations.schema_migrations order by version',
  );
  await client.end();
  const files = readdirSync(join(projectRoot, 'supabase/migrations'))
    .filter((name) => name.endsWith('.sql'))
    .sort();
  expect(files.length).toBeGreaterThanOrEqual(8);
  expect(rows.map((r) => r.version)).toEqual(files.map((name) => name.split('_')[0]));
});
