// Migrations are applied as production applies them: `supabase db push`. A second push on
// the migrated test database finds nothing to do.
import { expect, inject, test } from 'vitest';
import { pushMigrations } from '../../local-stack/database.ts';
import { connect } from './db.ts';

test('a second supabase db push says the database is up to date', async () => {
  const output = await pushMigrations(inject('dbUrl'));
  expect(output).toContain('Remote database is up to date.');
  const client = await connect();
  const { rows } = await client.query(
    'select version from supabase_migrations.schema_migrations order by version',
  );
  await client.end();
  expect(rows.map((r) => r.version)).toEqual([
    '20250110000001',
    '20250110000002',
    '20250110000003',
    '20250110000004',
    '20250110000005',
    '20250110000006',
    '20250110000007',
    '20250110000008',
  ]);
});
