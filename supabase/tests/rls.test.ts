// The RLS matrix: each table × operation × caller, allowed where the policies allow and
// denied elsewhere, with no row leaked. Denied reads and writes touch zero rows; denied
// inserts raise the RLS error.
import { describe, expect, test } from 'vitest';
import {
  anon,
  athlete,
  inRollback,
  insertSession,
  rowsOf,
  serviceRole,
  type Actor,
  type Tx,
} from './db.ts';

type Table = 'sessions' | 'generations' | 'generation_error_logs' | 'events';
type Operation = 'select' | 'insert' | 'update' | 'delete';
type Caller = 'anon' | 'other user' | 'owner' | 'service_role';

interface Fixture {
  ownerId: string;
  otherId: string;
  ids: Record<Table, string>;
}

async function fixture(tx: Tx): Promise<Fixture> {
  const ownerId = await tx.createUser();
  const otherId = await tx.createUser();
  const [session] = rowsOf(await insertSession(tx, { user_id: ownerId }));
  const [generation] = await tx.query<{ id: string }>(
    `insert into public.generations (user_id, session_id, model, duration_ms, status)
     values ($1, $2, 'm', 10, 'success') returning id`,
    [ownerId, session!.id],
  );
  const [log] = await tx.query<{ id: string }>(
    `insert into public.generation_error_logs (user_id, generation_id, error_type, error_message)
     values ($1, $2, 'api_error', 'x') returning id`,
    [ownerId, generation!.id],
  );
  const [event] = await tx.query<{ id: string }>(
    `insert into public.events (user_id, event_type, event_data)
     values ($1, 'rest_period_warning_shown', '{"hours_since_last": 3}') returning id`,
    [ownerId],
  );
  return {
    ownerId,
    otherId,
    ids: {
      sessions: session!.id,
      generations: generation!.id,
      generation_error_logs: log!.id,
      events: event!.id,
    },
  };
}

const insertSql: Record<Table, string> = {
  // A second active session would hit the unique index, so the new one is a logged past one.
  sessions: `insert into public.sessions (user_id, status, session_date, set_1)
             values ($1, 'failed', now() - interval '2 days', 4)`,
  generations: `insert into public.generations (user_id, model, duration_ms, status) values ($1, 'm', 1, 'error')`,
  generation_error_logs: `insert into public.generation_error_logs (user_id, error_type, error_message) values ($1, 't', 'm')`,
  events: `insert into public.events (user_id, event_type) values ($1, 'forged')`,
};

const updateSql: Record<Table, string> = {
  sessions: 'update public.sessions set set_1 = 9 where id = $1',
  generations: 'update public.generations set duration_ms = 999 where id = $1',
  generation_error_logs: `update public.generation_error_logs set error_message = 'edited' where id = $1`,
  events: `update public.events set event_type = 'edited' where id = $1`,
};

// What each caller may do; everything else is denied.
const allowed: Record<Table, Record<Operation, Caller[]>> = {
  sessions: {
    select: ['owner', 'service_role'],
    insert: ['owner', 'service_role'],
    update: ['owner', 'service_role'],
    delete: ['owner', 'service_role'],
  },
  generations: {
    select: ['owner', 'service_role'],
    insert: ['service_role'],
    update: ['service_role'],
    delete: ['service_role'],
  },
  generation_error_logs: {
    select: ['owner', 'service_role'],
    insert: ['service_role'],
    update: ['service_role'],
    delete: ['service_role'],
  },
  events: {
    select: ['owner', 'service_role'],
    insert: ['service_role'],
    update: ['service_role'],
    delete: ['service_role'],
  },
};

function actorFor(caller: Caller, f: Fixture): Actor {
  switch (caller) {
    case 'anon':
      return anon;
    case 'other user':
      return athlete(f.otherId);
    case 'owner':
      return athlete(f.ownerId);
    case 'service_role':
      return serviceRole;
  }
}

const tables = Object.keys(allowed) as Table[];
const operations: Operation[] = ['select', 'insert', 'update', 'delete'];
const callers: Caller[] = ['anon', 'other user', 'owner', 'service_role'];
const cases = tables.flatMap((table) =>
  operations.flatMap((operation) =>
    callers.map(
      (caller) => [table, operation, caller, allowed[table][operation].includes(caller)] as const,
    ),
  ),
);

describe('RLS matrix', () => {
  test.each(cases)('%s %s by %s → allowed: %s', async (table, operation, caller, isAllowed) => {
    await inRollback(async (tx) => {
      const f = await fixture(tx);
      await tx.actAs(actorFor(caller, f));
      const id = f.ids[table];
      switch (operation) {
        case 'select': {
          const all = await tx.query(`select * from public.${table}`);
          const mine = all.filter((row) => row.user_id === f.ownerId);
          expect(mine.length > 0).toBe(isAllowed);
          // Nobody but the service role sees another user's rows.
          if (caller !== 'service_role') {
            const userId =
              caller === 'other user' ? f.otherId : caller === 'owner' ? f.ownerId : null;
            expect(all.every((row) => row.user_id === userId)).toBe(true);
          }
          break;
        }
        case 'insert': {
          const result = await tx.attempt(insertSql[table], [f.ownerId]);
          expect(result.ok).toBe(isAllowed);
          if (!result.ok) expect(result.error.code).toBe('42501');
          break;
        }
        case 'update':
        case 'delete': {
          const sql =
            operation === 'update' ? updateSql[table] : `delete from public.${table} where id = $1`;
          const result = await tx.attempt(sql, [id]);
          expect(result).toMatchObject({ ok: true, rowCount: isAllowed ? 1 : 0 });
          break;
        }
      }
    });
  });
});

describe('RLS and privileges, from the catalog', () => {
  test('RLS is enabled on every table of the public schema', async () => {
    await inRollback(async (tx) => {
      const rows = await tx.query<{ relname: string; relrowsecurity: boolean }>(
        `select relname, relrowsecurity from pg_class
         where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname`,
      );
      expect(rows).toEqual(
        ['events', 'generation_error_logs', 'generations', 'sessions'].map((relname) => ({
          relname,
          relrowsecurity: true,
        })),
      );
    });
  });

  test('every security definer function pins its search_path', async () => {
    await inRollback(async (tx) => {
      const unpinned = await tx.query(
        `select p.oid::regprocedure::text as fn from pg_proc p
         where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
           and p.prosecdef
           and not exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')`,
      );
      expect(unpinned).toEqual([]);
      const definers = await tx.query(
        `select count(*)::int as n from pg_proc
         where pronamespace in ('public'::regnamespace, 'private'::regnamespace) and prosecdef`,
      );
      expect(definers[0]!.n).toBeGreaterThan(0);
    });
  });

  test('the API roles can call only the functions meant for them', async () => {
    await inRollback(async (tx) => {
      const callable = await tx.query<{ role: string; proname: string }>(
        `select r.role, p.proname from pg_proc p, unnest(array['anon', 'authenticated']) as r(role)
         where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
           and has_function_privilege(r.role, p.oid, 'execute')
         order by 1, 2`,
      );
      // Trigger functions and the service role's RPCs stay out of reach.
      expect(callable).toEqual([{ role: 'authenticated', proname: 'export_my_sessions' }]);
    });
  });

  test("every AI column of sessions, found in the catalog, is the service role's alone", async () => {
    await inRollback(async (tx) => {
      const columns = await tx.query<{ column_name: string; default_value: string }>(
        `select column_name, case data_type when 'boolean' then 'true' when 'text' then '''forged'''
                else '''deload''' end as default_value
         from information_schema.columns
         where table_schema = 'public' and table_name = 'sessions'
           and (column_name like 'ai\\_%' or column_name like 'is\\_ai%' or column_name = 'is_modified')
         order by column_name`,
      );
      expect(columns.map((c) => c.column_name)).toEqual([
        'ai_comment',
        'ai_intent',
        'is_ai_generated',
        'is_modified',
      ]);
      const userId = await tx.createUser();
      const [own] = rowsOf(await insertSession(tx, { user_id: userId }));
      await tx.actAs(athlete(userId));
      for (const { column_name, default_value } of columns) {
        const update = await tx.attempt(
          `update public.sessions set ${column_name} = ${default_value} where id = $1`,
          [own!.id],
        );
        expect(update.ok, column_name).toBe(false);
        if (!update.ok) expect(update.error.hint, column_name).toBe('session_ai_fields_reserved');
      }
      await tx.actAs(serviceRole);
      const service = await tx.attempt(
        `update public.sessions set ai_intent = 'deload', ai_comment = 'x' where id = $1`,
        [own!.id],
      );
      expect(service.ok).toBe(true);
    });
  });

  test('policies call auth.uid() once per statement, wrapped in a subselect', async () => {
    await inRollback(async (tx) => {
      const policies = await tx.query<{
        policyname: string;
        qual: string | null;
        with_check: string | null;
      }>(`select policyname, qual, with_check from pg_policies where schemaname = 'public'`);
      expect(policies).toHaveLength(10);
      for (const p of policies) {
        const text = `${p.qual ?? ''} ${p.with_check ?? ''}`;
        const bare = text.replace(/\(\s*SELECT auth\.(uid|role)\(\) AS \w+\)/g, '');
        expect(bare, p.policyname).not.toMatch(/auth\.(uid|role)\(\)/);
      }
    });
  });
});
