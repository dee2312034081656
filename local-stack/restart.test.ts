// A stack restarted on the same data dir keeps exactly the privileges the migrations left:
// the platform bootstrap runs again on every start and must not widen what they narrowed.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from './database.ts';
import { LOCAL_ANON_KEY } from './keys.ts';
import { createNodeClient } from './node-client.ts';
import { startStack, type Stack } from './server.ts';

const dataDir = tempDataDir('stack-restart-test');
const quiet = { log: () => {}, functionsDir: 'local-stack/no-functions-here' };
let stack: Stack | undefined;

/** Every ACL of the API-facing schemas (tables, sequences, functions, schemas, defaults). */
async function privileges(dbUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ entry: string }>(`
      select format('rel %s.%s %s', n.nspname, c.relname, c.relacl::text) as entry
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'auth', 'extensions')
      union all
      select format('fn %s.%s(%s) %s', n.nspname, p.proname,
                    pg_get_function_identity_arguments(p.oid), p.proacl::text)
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'auth', 'extensions')
      union all
      select format('schema %s %s', nspname, nspacl::text) from pg_namespace
        where nspname in ('public', 'auth', 'extensions')
      union all
      select format('default %s %s %s', d.defaclrole::regrole, d.defaclobjtype, d.defaclacl::text)
        from pg_default_acl d
      order by 1`);
    return rows.map((row) => row.entry);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  stack = await startStack({ port: 0, dataDir, ...quiet });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('restart on the same data dir', () => {
  it('keeps the catalog privileges identical and the service-only functions closed', async () => {
    const before = await privileges(stack!.dbUrl);
    expect(before.find((entry) => entry.startsWith('fn public.reserve_generation('))).toBeDefined();
    await stack!.stop();
    const errors = vi.spyOn(console, 'error');
    stack = await startStack({ port: 0, dataDir, ...quiet });
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    const after = await privileges(stack.dbUrl);
    expect(after).toEqual(before);

    const anon = createNodeClient(stack.url, LOCAL_ANON_KEY);
    const email = `restart-${Date.now()}@example.com`;
    const { data: signUp, error: signUpError } = await createNodeClient(
      stack.url,
      LOCAL_ANON_KEY,
    ).auth.signUp({ email, password: 'password123' });
    expect(signUpError).toBeNull();
    const athlete = createNodeClient(stack.url, LOCAL_ANON_KEY, {
      global: { headers: { Authorization: `Bearer ${signUp.session!.access_token}` } },
    });
    const calls = [
      ['reserve_generation', { p_user_id: signUp.user!.id, p_model: 'x', p_limit: 1000 }],
      [
        'finish_generation',
        {
          p_generation_id: '00000000-0000-0000-0000-000000000000',
          p_status: 'error',
          p_duration_ms: 0,
          p_model: 'x',
        },
      ],
      ['admin_metrics', {}],
    ] as const;
    for (const [client, status] of [
      [anon, 401],
      [athlete, 403],
    ] as const) {
      for (const [name, args] of calls) {
        const { error, status: answered } = await client.rpc(name, args);
        expect({ name, code: error?.code, answered }).toEqual({
          name,
          code: '42501',
          answered: status,
        });
      }
    }
  });

  it('says how to repair a data dir an older stack bootstrapped (its grants were widened)', async () => {
    const client = new pg.Client({ connectionString: stack!.dbUrl });
    await client.connect();
    await client.query('comment on schema extensions is null'); // as the old bootstrap left it
    await client.end();
    await stack!.stop();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      stack = await startStack({ port: 0, dataDir, ...quiet });
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/npm run stack:reset/));
    } finally {
      errors.mockRestore();
    }
  });
});
