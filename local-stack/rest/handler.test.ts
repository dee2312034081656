// /rest/v1 through the official supabase-js client, against the real migrations: features,
// error statuses, RLS as seen through REST, and a hostile-input suite.
import { createServer, type Server } from 'node:http';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, startMigratedDatabase, tempDataDir, type LocalDatabase } from '../database.ts';
import { signJwt } from '../jwt.ts';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY } from '../keys.ts';
import { createNodeClient } from '../node-client.ts';
import { createRestHandler, type RestHandler } from './handler.ts';

const userA = '0a0a0a0a-0000-4000-8000-00000000000a';
const userB = '0b0b0b0b-0000-4000-8000-00000000000b';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

let db: LocalDatabase;
let admin: pg.Client;
let pool: pg.Pool;
let rest: RestHandler;
let server: Server;
let base: string;
let anon: SupabaseClient;
let service: SupabaseClient;
let alice: SupabaseClient;
let bob: SupabaseClient;
let aliceToken: string;

function client(key: string, token?: string): SupabaseClient {
  return createNodeClient(
    base,
    key,
    token ? { global: { headers: { Authorization: `Bearer ${token}` } } } : {},
  );
}

function tokenFor(sub: string, email: string, exp = Math.floor(Date.now() / 1000) + 3600) {
  return signJwt(
    { sub, role: 'authenticated', aud: 'authenticated', email, exp },
    LOCAL_JWT_SECRET,
  );
}

/** A raw request, for what supabase-js cannot send (broken JSON, Range headers, bad tokens). */
function raw(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', LOCAL_ANON_KEY);
  return fetch(`${base}/rest/v1${path}`, { ...init, headers });
}

async function insertSession(values: Record<string, unknown>): Promise<string> {
  const keys = Object.keys(values);
  const result = await admin.query<{ id: string }>(
    `insert into public.sessions (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    Object.values(values),
  );
  return result.rows[0]?.id as string;
}

beforeAll(async () => {
  db = await startMigratedDatabase({ dataDir: tempDataDir('rest') });
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  for (const [id, email] of [
    [userA, 'alice@example.test'],
    [userB, 'bob@example.test'],
  ]) {
    await admin.query(
      `insert into auth.users (id, email, aud, role, raw_app_meta_data, created_at)
       values ($1, $2, 'authenticated', 'authenticated', '{"provider":"email"}', now())`,
      [id, email],
    );
  }
  await insertSession({
    user_id: userA,
    status: 'completed',
    session_date: daysAgo(3),
    set_1: 10,
    set_2: 8,
    rpe: 7,
  });
  await insertSession({ user_id: userA, status: 'failed', session_date: daysAgo(2), set_1: 3 });
  await insertSession({
    user_id: userA,
    status: 'completed',
    session_date: daysAgo(5),
    set_1: 12,
    ai_comment: 'steady',
  });
  await insertSession({ user_id: userB, status: 'completed', session_date: daysAgo(3), set_1: 20 });
  await admin.query(`
    create function public.add_numbers(a integer, b integer default 1) returns integer
      language sql immutable as 'select a + b';
    create function public.reps_at_least(min_reps integer) returns setof public.sessions
      language sql stable as 'select * from public.sessions where total_reps >= min_reps';
    create function public.refuse() returns void
      language plpgsql as $$ begin raise exception 'refused on purpose' using hint = 'by_design'; end $$;
    create view public.my_totals with (security_invoker = true) as
      select user_id, count(*)::int as sessions, sum(total_reps)::int as reps from public.sessions group by user_id;
    grant select on public.my_totals to anon, authenticated, service_role;
  `);

  pool = new pg.Pool({
    connectionString: `postgresql://authenticator:postgres@127.0.0.1:${db.port}/postgres`,
    max: 4,
  });
  pool.on('error', () => {}); // the database stops before the pool in afterAll
  rest = await createRestHandler({ pool, jwtSecret: LOCAL_JWT_SECRET });
  const port = await freePort();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/rest/v1')) {
      res.writeHead(404).end();
      return;
    }
    void rest.handle(req, res, url.pathname.slice('/rest/v1'.length), url);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${port}`;
  aliceToken = await tokenFor(userA, 'alice@example.test');
  anon = client(LOCAL_ANON_KEY);
  service = client(LOCAL_SERVICE_ROLE_KEY);
  alice = client(LOCAL_ANON_KEY, aliceToken);
  bob = client(LOCAL_ANON_KEY, await tokenFor(userB, 'bob@example.test'));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await pool?.end();
  await admin?.end();
  await db?.stop();
});

beforeEach(async () => {
  // Tests that plan a session clean up after themselves here: one active session per user.
  await admin.query(`delete from public.sessions where status in ('planned', 'in_progress')`);
});

describe('reading tables and views', () => {
  it('returns only the caller’s rows, in the requested order, with count and Content-Range', async () => {
    const { data, error, count, status } = await alice
      .from('sessions')
      .select('id,status,total_reps', { count: 'exact' })
      .order('total_reps', { ascending: false });
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(count).toBe(3);
    expect(data?.map((s) => s.total_reps)).toEqual([18, 12, 3]);
  });

  it('applies aliases and casts in select', async () => {
    const { data } = await alice
      .from('sessions')
      .select('reps:total_reps,set_1::text')
      .eq('status', 'failed');
    expect(data).toEqual([{ reps: 3, set_1: '3' }]);
  });

  it('filters with eq, neq, gt, gte, lt, lte, in, is, like, ilike and their not forms', async () => {
    const reps = async (q: PromiseLike<{ data: { total_reps: number }[] | null }>) =>
      ((await q).data ?? []).map((r) => r.total_reps).sort((a, b) => a - b);
    const sessions = () => alice.from('sessions').select('total_reps');
    expect(await reps(sessions().eq('status', 'completed'))).toEqual([12, 18]);
    expect(await reps(sessions().neq('status', 'completed'))).toEqual([3]);
    expect(await reps(sessions().gt('total_reps', 12))).toEqual([18]);
    expect(await reps(sessions().gte('total_reps', 12))).toEqual([12, 18]);
    expect(await reps(sessions().lt('total_reps', 12))).toEqual([3]);
    expect(await reps(sessions().lte('total_reps', 12))).toEqual([3, 12]);
    expect(await reps(sessions().in('status', ['failed', 'planned']))).toEqual([3]);
    expect(await reps(sessions().is('rpe', null))).toEqual([3, 12]);
    expect(await reps(sessions().not('rpe', 'is', null))).toEqual([18]);
    expect(await reps(sessions().like('ai_comment', 'st*'))).toEqual([12]);
    expect(await reps(sessions().ilike('ai_comment', '%STEA%'))).toEqual([12]);
    expect(await reps(sessions().not('status', 'in', '(completed)'))).toEqual([3]);
  });

  it('combines or= and nested and= trees', async () => {
    const { data, error } = await alice
      .from('sessions')
      .select('total_reps')
      .or('status.eq.failed,and(status.eq.completed,rpe.gte.7)')
      .order('total_reps');
    expect(error).toBeNull();
    expect(data?.map((r) => r.total_reps)).toEqual([3, 18]);
  });

  it('orders on several columns with nulls first/last', async () => {
    const { data } = await alice
      .from('sessions')
      .select('rpe,total_reps')
      .order('rpe', { ascending: true, nullsFirst: true })
      .order('total_reps', { ascending: false });
    expect(data).toEqual([
      { rpe: null, total_reps: 12 },
      { rpe: null, total_reps: 3 },
      { rpe: 7, total_reps: 18 },
    ]);
  });

  it('pages with limit/offset and answers 206 with Content-Range when the page is partial', async () => {
    const { data, count, status } = await alice
      .from('sessions')
      .select('total_reps', { count: 'exact' })
      .order('total_reps')
      .range(1, 1);
    expect(status).toBe(206);
    expect(count).toBe(3);
    expect(data).toEqual([{ total_reps: 12 }]);

    const response = await raw('/sessions?select=total_reps&order=total_reps', {
      headers: {
        Authorization: `Bearer ${aliceToken}`,
        Range: '0-1',
        'Range-Unit': 'items',
        Prefer: 'count=exact',
      },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('0-1/3');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual([{ total_reps: 3 }, { total_reps: 12 }]);
  });

  it('answers */0 for an empty counted result and 416 past the end', async () => {
    const empty = await raw('/sessions?select=id', { headers: { Prefer: 'count=exact' } });
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-range')).toBe('*/0');
    expect(await empty.json()).toEqual([]);

    const past = await raw('/sessions?offset=10', {
      headers: { Authorization: `Bearer ${aliceToken}`, Prefer: 'count=exact' },
    });
    expect(past.status).toBe(416);
    expect(await past.json()).toMatchObject({ code: 'PGRST103' });
  });

  it('answers HEAD with the count and no body', async () => {
    const { data, count, status } = await alice
      .from('sessions')
      .select('*', { head: true, count: 'exact' });
    expect(status).toBe(200);
    expect(count).toBe(3);
    expect(data).toBeNull();
  });

  it('returns one object for vnd.pgrst.object+json and 406 PGRST116 otherwise', async () => {
    const one = await alice.from('sessions').select('total_reps').eq('status', 'failed').single();
    expect(one.data).toEqual({ total_reps: 3 });
    const many = await alice.from('sessions').select('total_reps').single();
    expect(many.status).toBe(406);
    expect(many.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 3 rows' });
    const none = await alice.from('sessions').select('id').eq('status', 'planned').maybeSingle();
    expect(none).toMatchObject({ data: null, error: null });
  });

  it('ignores the gateway apikey query parameter', async () => {
    const response = await raw(`/sessions?select=id&apikey=${LOCAL_ANON_KEY}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  it('reads a security-invoker view under RLS', async () => {
    const { data } = await alice.from('my_totals').select('*');
    expect(data).toEqual([{ user_id: userA, sessions: 3, reps: 33 }]);
  });

  it('answers unknown tables, columns and operators as PostgREST does', async () => {
    const table = await alice.from('sesions').select('*');
    expect(table.status).toBe(404);
    expect(table.error).toMatchObject({
      code: 'PGRST205',
      message: "Could not find the table 'public.sesions' in the schema cache",
      hint: "Perhaps you meant the table 'public.sessions'",
    });
    const column = await alice.from('sessions').select('id,banana');
    expect(column.status).toBe(400);
    expect(column.error).toMatchObject({
      code: '42703',
      message: 'column sessions.banana does not exist',
    });
    const filterColumn = await alice.from('sessions').select('id').eq('banana', 1);
    expect(filterColumn.status).toBe(400);
    const orderColumn = await alice.from('sessions').select('id').order('banana');
    expect(orderColumn.status).toBe(400);
    const operator = await alice.from('sessions').select('id').filter('status', 'is_like', 'x');
    expect(operator.status).toBe(400);
    expect(operator.error?.code).toBe('PGRST100');
    const badValue = await alice.from('sessions').select('id').eq('status', 'sleeping');
    expect(badValue.status).toBe(400);
    expect(badValue.error?.code).toBe('22P02');
  });
});

describe('writing', () => {
  it('inserts with 201, returns the representation, and triggers fill total_reps', async () => {
    const { data, error, status } = await alice
      .from('sessions')
      .insert({ user_id: userA, status: 'planned', set_1: 4, set_2: 6 })
      .select('status,total_reps,is_ai_generated')
      .single();
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toEqual({ status: 'planned', total_reps: 10, is_ai_generated: false });
  });

  it('inserts with return=minimal: 201 and no body', async () => {
    const { data, status, error } = await alice
      .from('sessions')
      .insert({ user_id: userA, status: 'planned' });
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toBeNull();
  });

  it('bulk-inserts an array (with differing keys, via columns=) in one transaction', async () => {
    const rows = [
      { user_id: userB, status: 'completed', session_date: daysAgo(6), set_1: 5 },
      { user_id: userB, status: 'failed', session_date: daysAgo(7), set_1: 1, set_2: 2 },
    ];
    const { data, error, count } = await bob
      .from('sessions')
      .insert(rows, { count: 'exact' })
      .select('total_reps');
    expect(error).toBeNull();
    expect(count).toBe(2);
    expect(data).toEqual([{ total_reps: 5 }, { total_reps: 3 }]);

    // One bad row rolls back the whole batch.
    const bad = await bob.from('sessions').insert([
      { user_id: userB, status: 'completed', session_date: daysAgo(8), set_1: 5 },
      { user_id: userB, status: 'completed', session_date: daysAgo(9) },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe('23514');
    const { count: after } = await bob.from('sessions').select('*', { count: 'exact', head: true });
    expect(after).toBe(3);
  });

  it('maps database errors to PostgREST statuses', async () => {
    await alice.from('sessions').insert({ user_id: userA, status: 'planned' });
    const unique = await alice.from('sessions').insert({ user_id: userA, status: 'planned' });
    expect(unique.status).toBe(409);
    expect(unique.error?.code).toBe('23505');

    const fk = await service.from('generations').insert({
      user_id: '99999999-0000-4000-8000-000000000000',
      model: 'm',
      duration_ms: 1,
      status: 'success',
    });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe('23503');

    const check = await alice
      .from('sessions')
      .insert({ user_id: userA, status: 'completed', session_date: daysAgo(4) });
    expect(check.status).toBe(400);
    expect(check.error?.code).toBe('23514');

    const notNull = await service.from('events').insert({ user_id: userA });
    expect(notNull.status).toBe(400);
    expect(notNull.error?.code).toBe('23502');

    const reserved = await alice
      .from('sessions')
      .insert({ user_id: userB, status: 'planned', ai_comment: 'x' });
    expect(reserved.status).toBe(403);
    expect(reserved.error).toMatchObject({ code: '42501', hint: 'session_ai_fields_reserved' });

    const badType = await alice
      .from('sessions')
      .insert({ user_id: userA, status: 'planned', set_1: 'many' });
    expect(badType.status).toBe(400);
    expect(badType.error?.code).toBe('22P02');

    const unknownColumn = await alice.from('sessions').insert({ user_id: userA, colour: 'red' });
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.error).toMatchObject({
      code: 'PGRST204',
      message: "Could not find the 'colour' column of 'sessions' in the schema cache",
    });
  });

  it('updates with filters: 204 by default, 200 with the rows on return=representation', async () => {
    await alice.from('sessions').insert({ user_id: userA, status: 'planned', set_1: 2 });
    const minimal = await alice.from('sessions').update({ set_1: 3 }).eq('status', 'planned');
    expect(minimal.status).toBe(204);
    const { data, status, count } = await alice
      .from('sessions')
      .update({ status: 'in_progress', set_2: 4 }, { count: 'exact' })
      .eq('status', 'planned')
      .select('status,total_reps');
    expect(status).toBe(200);
    expect(count).toBe(1);
    expect(data).toEqual([{ status: 'in_progress', total_reps: 7 }]);

    const backwards = await alice
      .from('sessions')
      .update({ status: 'planned' })
      .eq('status', 'in_progress');
    expect(backwards.status).toBe(400);
    expect(backwards.error?.hint).toBe('session_status_transition');
  });

  it('deletes with filters and honours return=representation', async () => {
    await alice.from('sessions').insert({ user_id: userA, status: 'planned' });
    const { data, status } = await alice
      .from('sessions')
      .delete()
      .eq('status', 'planned')
      .select('status');
    expect(status).toBe(200);
    expect(data).toEqual([{ status: 'planned' }]);
    const history = await alice.from('sessions').delete().eq('status', 'failed').select('id');
    expect(history.data).toEqual([]); // finished sessions are history: RLS hides them from DELETE
  });

  it('upserts with resolution=merge-duplicates', async () => {
    const { data: planned } = await alice
      .from('sessions')
      .insert({ user_id: userA, status: 'planned', set_1: 1 })
      .select('id')
      .single();
    const { data, error, status } = await alice
      .from('sessions')
      .upsert({ id: planned?.id, user_id: userA, status: 'planned', set_1: 9 })
      .select('set_1');
    expect(error).toBeNull();
    expect(status).toBe(200); // PostgREST: 200 when the upsert only updated
    expect(data).toEqual([{ set_1: 9 }]);
  });

  it('rolls a mutation back when a single object was asked for and several rows matched', async () => {
    await alice.from('sessions').insert({ user_id: userA, status: 'planned' });
    await bob.from('sessions').insert({ user_id: userB, status: 'planned' });
    const { status, error } = await service
      .from('sessions')
      .update({ ai_comment: 'both' })
      .eq('status', 'planned')
      .select()
      .single();
    expect(status).toBe(406);
    expect(error).toMatchObject({ code: 'PGRST116', details: 'The result contains 2 rows' });
    const { rows } = await admin.query(
      `select count(*)::int as n from public.sessions where ai_comment = 'both'`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});

describe('rpc', () => {
  it('calls a function by POST with JSON args and by GET with query args', async () => {
    expect((await anon.rpc('add_numbers', { a: 2 })).data).toBe(3);
    expect((await anon.rpc('add_numbers', { a: 2, b: 5 }, { get: true })).data).toBe(7);
  });

  it('applies filters, order and RLS to a set-returning function', async () => {
    const { data, error } = await alice
      .rpc('reps_at_least', { min_reps: 10 })
      .select('total_reps')
      .order('total_reps');
    expect(error).toBeNull();
    expect(data).toEqual([{ total_reps: 12 }, { total_reps: 18 }]);
    expect((await anon.rpc('reps_at_least', { min_reps: 0 })).data).toEqual([]);
  });

  it('answers unknown functions with 404 PGRST202 and raised exceptions with 400', async () => {
    const missing = await anon.rpc('add_numbrs', { a: 1 });
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.add_numbrs(a) in the schema cache',
    });
    const wrongArgs = await anon.rpc('add_numbers', { c: 1 });
    expect(wrongArgs.status).toBe(404);
    const raised = await anon.rpc('refuse');
    expect(raised.status).toBe(400);
    expect(raised.error).toMatchObject({
      code: 'P0001',
      message: 'refused on purpose',
      hint: 'by_design',
    });
  });

  it('sees new functions after reloadSchema()', async () => {
    await admin.query(
      `create function public.answer() returns integer language sql immutable as 'select 42'`,
    );
    expect((await anon.rpc('answer')).status).toBe(404);
    await rest.reloadSchema();
    expect((await anon.rpc('answer')).data).toBe(42);
  });
});

describe('row level security through REST', () => {
  it('never shows another user’s rows and anon sees nothing', async () => {
    const { data: bobs } = await bob.from('sessions').select('user_id');
    expect(bobs?.length).toBeGreaterThan(0);
    expect(bobs?.every((s) => s.user_id === userB)).toBe(true);
    const { data: byId } = await bob.from('sessions').select('id').eq('user_id', userA);
    expect(byId).toEqual([]);
    for (const table of ['sessions', 'events', 'generations', 'generation_error_logs']) {
      const { data, error } = await anon.from(table).select('*');
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    const { count } = await service.from('sessions').select('*', { count: 'exact', head: true });
    expect(count).toBeGreaterThanOrEqual(4);
  });

  it('never lets a user change or delete another user’s rows', async () => {
    await alice.from('sessions').insert({ user_id: userA, status: 'planned', set_1: 1 });
    const update = await bob.from('sessions').update({ set_1: 60 }).eq('user_id', userA).select();
    expect(update.data).toEqual([]);
    const del = await bob.from('sessions').delete().eq('user_id', userA).select();
    expect(del.data).toEqual([]);
    const { rows } = await admin.query(
      `select set_1 from public.sessions where user_id = $1 and status = 'planned'`,
      [userA],
    );
    expect(rows).toEqual([{ set_1: 1 }]);
    const forged = await bob.from('sessions').insert({ user_id: userA, status: 'planned' });
    expect(forged.status).toBe(403);
    expect(forged.error?.code).toBe('42501');
  });

  it('answers anon writes with 401 and user writes to service-only tables with 403', async () => {
    const anonWrite = await anon.from('sessions').insert({ user_id: userA, status: 'planned' });
    expect(anonWrite.status).toBe(401);
    expect(anonWrite.error?.code).toBe('42501');
    const userWrite = await alice
      .from('events')
      .insert({ user_id: userA, event_type: 'session_completed' });
    expect(userWrite.status).toBe(403);
  });
});

describe('hostile input', () => {
  let before: string;

  async function snapshot(): Promise<string> {
    const { rows } = await admin.query<{ s: string }>(`
      select concat_ws('|',
        (select md5(coalesce(string_agg(t::text, ',' order by t.id), '')) from public.sessions t),
        (select md5(coalesce(string_agg(t::text, ',' order by t.id), '')) from public.events t),
        (select md5(coalesce(string_agg(t::text, ',' order by t.id), '')) from auth.users t),
        (select count(*) from pg_class where relnamespace = 'public'::regnamespace),
        (select string_agg(rolname || rolsuper::text, ',' order by rolname) from pg_roles)) as s`);
    return rows[0]?.s as string;
  }

  const expired = () => tokenFor(userA, 'alice@example.test', Math.floor(Date.now() / 1000) - 600);
  const wrongSecret = () =>
    signJwt(
      { sub: userA, role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 600 },
      'x'.repeat(40),
    );
  const forgedRole = (role: string) =>
    signJwt({ sub: userA, role, exp: Math.floor(Date.now() / 1000) + 600 }, LOCAL_JWT_SECRET);
  const unsigned = () => {
    const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ role: 'service_role', exp: 9999999999 })}.`;
  };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const json = { 'Content-Type': 'application/json' };
  const sqlValue = encodeURIComponent("planned'); drop table public.sessions; --");

  const cases: Array<[string, number, () => Promise<Response>, string?]> = [
    ['SQL in an enum filter value', 400, () => raw(`/sessions?status=eq.${sqlValue}`), '22P02'],
    ['SQL in a uuid filter value', 400, () => raw(`/sessions?id=eq.1%20or%201=1`), '22P02'],
    ['SQL in an in() list', 400, () => raw(`/sessions?id=in.(1,2);delete%20from%20sessions`)],
    [
      'SQL as a column in select',
      400,
      () => raw('/sessions?select=id;drop%20table%20sessions'),
      'PGRST100',
    ],
    [
      'a subquery in select',
      400,
      () => raw('/sessions?select=(select%20password%20from%20auth.users)'),
    ],
    [
      'a quoted column that does not exist',
      400,
      () => raw('/sessions?select=%22id;drop%20table%20x%22'),
      '42703',
    ],
    [
      'a quote breaking out of a quoted column',
      400,
      () => raw('/sessions?select=%22id%22%22;drop%22'),
      'PGRST100',
    ],
    ['SQL in order', 400, () => raw('/sessions?order=id;delete%20from%20sessions'), 'PGRST100'],
    [
      'an unknown column in order',
      400,
      () => raw('/sessions?order=(case%20when%201=1%20then%20id%20end)'),
    ],
    ['SQL as a filter column', 400, () => raw('/sessions?id%3D1%20or%201=eq.1')],
    ['an unknown cast', 400, () => raw('/sessions?select=id::regclass'), '42704'],
    ['a schema-qualified table', 404, () => raw('/auth.users'), 'PGRST205'],
    [
      'a catalog function',
      404,
      () => raw('/rpc/pg_sleep', { method: 'POST', headers: json, body: '{"seconds":5}' }),
      'PGRST202',
    ],
    [
      'a trigger function',
      404,
      () => raw('/rpc/log_session_event', { method: 'POST', headers: json, body: '{}' }),
      'PGRST202',
    ],
    ['a deep path', 404, () => raw('/rpc/add_numbers/x'), 'PGRST125'],
    ['an encoded path escape', 404, () => raw('/sessions%2F..%2F..%2Fauth%2Fusers'), 'PGRST205'],
    ['a negative limit', 416, () => raw('/sessions?limit=-1'), 'PGRST103'],
    [
      'broken JSON',
      400,
      () =>
        raw('/sessions', {
          method: 'POST',
          headers: { ...json, ...bearer(aliceToken) },
          body: '{"user_id":',
        }),
      'PGRST102',
    ],
    [
      'mismatched keys in a bulk insert',
      400,
      () =>
        raw('/sessions', {
          method: 'POST',
          headers: { ...json, ...bearer(aliceToken) },
          body: `[{"user_id":"${userA}"},{"status":"planned"}]`,
        }),
      'PGRST102',
    ],
    [
      'SQL as a payload key',
      400,
      () =>
        raw('/sessions', {
          method: 'POST',
          headers: { ...json, ...bearer(aliceToken) },
          body: '{"status\\") values (null); drop table sessions; --":1}',
        }),
      'PGRST204',
    ],
    [
      'SQL in columns=',
      400,
      () =>
        raw('/sessions?columns=status%22)%20drop', {
          method: 'POST',
          headers: { ...json, ...bearer(aliceToken) },
          body: '{}',
        }),
    ],
    [
      'a body over 1 MiB',
      413,
      () =>
        raw('/sessions', {
          method: 'POST',
          headers: { ...json, ...bearer(aliceToken) },
          body: `[${'{"user_id":null},'.repeat(70_000)}{}]`,
        }),
    ],
    [
      'a PATCH without filters from anon',
      204,
      () => raw('/sessions', { method: 'PATCH', headers: json, body: '{"set_1":60}' }),
    ],
    [
      'an expired token',
      401,
      async () => raw('/sessions', { headers: bearer(await expired()) }),
      'PGRST303',
    ],
    [
      'a token signed with another secret',
      401,
      async () => raw('/sessions', { headers: bearer(await wrongSecret()) }),
      'PGRST301',
    ],
    [
      'an unsigned alg=none token',
      401,
      () => raw('/sessions', { headers: bearer(unsigned()) }),
      'PGRST301',
    ],
    ['a garbage token', 401, () => raw('/sessions', { headers: bearer('not.a.jwt') }), 'PGRST301'],
    ['a two-part token', 401, () => raw('/sessions', { headers: bearer('abc.def') }), 'PGRST301'],
    [
      'an empty bearer token',
      401,
      () => raw('/sessions', { headers: { Authorization: 'Bearer ' } }),
      'PGRST301',
    ],
    [
      'a token claiming the postgres role',
      403,
      async () => raw('/sessions', { headers: bearer(await forgedRole('postgres')) }),
      '42501',
    ],
    [
      'a token claiming an unknown role',
      401,
      async () =>
        raw('/sessions', { headers: bearer(await forgedRole('root";drop role anon;--')) }),
      '22023',
    ],
    [
      'a forged token writing',
      401,
      async () => raw('/sessions', { method: 'DELETE', headers: bearer(await wrongSecret()) }),
    ],
    [
      'a forged token on an unknown table',
      401,
      async () => raw('/nope', { headers: bearer(await wrongSecret()) }),
      'PGRST301',
    ],
    [
      'an unsupported method',
      405,
      () => raw('/sessions', { method: 'COPY', headers: json, body: '{}' }),
    ],
    [
      'another schema by profile',
      406,
      () => raw('/sessions', { headers: { 'Accept-Profile': 'auth' } }),
      'PGRST106',
    ],
  ];

  beforeAll(async () => {
    before = await snapshot();
  });

  it.each(cases)('%s gets %i', async (_name, status, send, code) => {
    const response = await send();
    const text = await response.text();
    expect(response.status).toBe(status);
    if (status >= 400) {
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['code', 'details', 'hint', 'message']);
      if (code) expect(body.code).toBe(code);
    }
  });

  it('filter values are data, never SQL: quotes in a text filter simply match nothing', async () => {
    const { data, status } = await alice
      .from('sessions')
      .select('id')
      .eq('ai_comment', "x' or '1'='1");
    expect(status).toBe(200);
    expect(data).toEqual([]);
  });

  it('leaves the database unchanged', async () => {
    expect(await snapshot()).toBe(before);
  });
});
