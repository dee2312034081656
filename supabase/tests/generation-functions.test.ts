// reserve_generation / finish_generation (the AI coach's rate limit and bookkeeping) and
// admin_metrics, called as the service role the way generate-session and admin-metrics do.
import { afterAll, describe, expect, test } from 'vitest';
import type pg from 'pg';
import {
  anon,
  athlete,
  connect,
  inRollback,
  insertSession,
  rowsOf,
  serviceRole,
  superuser,
  type Tx,
} from './db.ts';

interface Reservation {
  outcome: 'reserved' | 'rate_limited' | 'active_session_exists';
  generation_id?: string;
  used?: number;
  limit?: number;
  next_slot_at?: string;
  session_id?: string;
}

async function reserve(tx: Tx, userId: string): Promise<Reservation> {
  const [row] = await tx.query<{ r: Reservation }>(
    `select public.reserve_generation($1, 'rule-based-coach-v1') as r`,
    [userId],
  );
  return row!.r;
}

async function pastAttempts(tx: Tx, userId: string, ages: string[]) {
  for (const age of ages) {
    await tx.query(
      `insert into public.generations (user_id, model, duration_ms, status, created_at)
       values ($1, 'm', 10, 'success', now() - $2::interval)`,
      [userId, age],
    );
  }
}

describe('reserve_generation', () => {
  test('reserves five attempts in 24 h, then answers rate_limited with the next free slot', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await pastAttempts(tx, userId, ['25 hours', '20 hours', '3 hours']);
      await tx.actAs(serviceRole);
      const first = await reserve(tx, userId);
      expect(first).toMatchObject({ outcome: 'reserved', used: 3, limit: 5 });
      expect((await reserve(tx, userId)).outcome).toBe('reserved');
      expect((await reserve(tx, userId)).outcome).toBe('reserved');
      const limited = await reserve(tx, userId);
      expect(limited).toMatchObject({ outcome: 'rate_limited', used: 5, limit: 5 });
      // The oldest attempt inside the window (20 h ago) frees its slot 4 h from now.
      const [check] = await tx.query<{ hours: string }>(
        `select round(extract(epoch from ($1::timestamptz - now())) / 3600) as hours`,
        [limited.next_slot_at],
      );
      expect(Number(check!.hours)).toBe(4);
      await tx.actAs(superuser);
      const rows = await tx.query(
        `select status, duration_ms from public.generations where user_id = $1 and created_at = now()`,
        [userId],
      );
      // Reserved attempts read as failed until finish_generation records their outcome.
      expect(rows).toEqual(Array(3).fill({ status: 'error', duration_ms: 0 }));
      const events = await tx.query(
        `select count(*)::int as n from public.events where user_id = $1 and event_type = 'ai_generation_attempted'`,
        [userId],
      );
      expect(events[0]!.n).toBe(3);
    });
  });

  test('an active session answers active_session_exists and uses no quota', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const [active] = rowsOf(await insertSession(tx, { user_id: userId }));
      await tx.actAs(serviceRole);
      expect(await reserve(tx, userId)).toEqual({
        outcome: 'active_session_exists',
        session_id: active!.id,
      });
      await tx.actAs(superuser);
      const [count] = await tx.query(
        'select count(*)::int as n from public.generations where user_id = $1',
        [userId],
      );
      expect(count).toEqual({ n: 0 });
    });
  });

  test('athletes and anon cannot call it', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      for (const actor of [athlete(userId), anon]) {
        await tx.actAs(actor);
        const result = await tx.attempt(`select public.reserve_generation($1, 'm')`, [userId]);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('42501');
      }
    });
  });

  describe('under concurrency', () => {
    const clients: pg.Client[] = [];
    let userId = '';
    afterAll(async () => {
      const admin = await connect();
      if (userId) await admin.query('delete from auth.users where id = $1', [userId]);
      await admin.end();
      await Promise.all(clients.map((c) => c.end()));
    });

    test('20 simultaneous requests with 2 slots left reserve exactly 2', async () => {
      const admin = await connect();
      userId = (
        await admin.query<{ id: string }>(
          `insert into auth.users (id, aud, role, email, created_at, updated_at)
           values (gen_random_uuid(), 'authenticated', 'authenticated', 'burst@example.test', now(), now())
           returning id`,
        )
      ).rows[0]!.id;
      await admin.query(
        `insert into public.generations (user_id, model, duration_ms, status, created_at)
         select $1, 'm', 10, 'success', now() - interval '1 hour' from generate_series(1, 3)`,
        [userId],
      );
      await admin.end();
      for (let i = 0; i < 20; i++) clients.push(await connect());
      const outcomes = await Promise.all(
        clients.map(async (client) => {
          await client.query('begin');
          await client.query(
            `select set_config('request.jwt.claims', '{"role":"service_role"}', true)`,
          );
          await client.query('set local role service_role');
          const { rows } = await client.query<{ r: Reservation }>(
            `select public.reserve_generation($1, 'm') as r`,
            [userId],
          );
          await client.query('commit');
          return rows[0]!.r.outcome;
        }),
      );
      expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(2);
      expect(outcomes.filter((o) => o === 'rate_limited')).toHaveLength(18);
      const check = await connect();
      const { rows } = await check.query(
        `select count(*)::int as n from public.generations where user_id = $1 and created_at > now() - interval '24 hours'`,
        [userId],
      );
      await check.end();
      expect(rows[0].n).toBe(5);
    });
  });
});

describe('finish_generation', () => {
  async function reserved(tx: Tx) {
    const userId = await tx.createUser();
    await tx.actAs(serviceRole);
    const reservation = await reserve(tx, userId);
    return { userId, generationId: reservation.generation_id! };
  }

  test('success creates the planned AI session and records the outcome', async () => {
    await inRollback(async (tx) => {
      const { userId, generationId } = await reserved(tx);
      const [row] = await tx.query<{ r: { session: Record<string, unknown> } }>(
        `select public.finish_generation($1, 'success', 420, 'rule-based-coach-v1',
           jsonb_build_object('session_date', now() + interval '1 day', 'sets', '[8,7,7,6,6]'::jsonb,
                              'ai_comment', 'Up one rep on the first set.',
                              'intent', 'progress')) as r`,
        [generationId],
      );
      expect(row!.r.session).toMatchObject({
        user_id: userId,
        status: 'planned',
        set_1: 8,
        set_5: 6,
        total_reps: 34,
        is_ai_generated: true,
        is_modified: false,
        ai_comment: 'Up one rep on the first set.',
        ai_intent: 'progress',
      });
      await tx.actAs(superuser);
      const [generation] = await tx.query(
        'select status, duration_ms, session_id from public.generations where id = $1',
        [generationId],
      );
      expect(generation).toEqual({
        status: 'success',
        duration_ms: 420,
        session_id: row!.r.session.id,
      });
      const types = await tx.query(
        `select event_type from public.events where user_id = $1 and event_type like 'ai_%' order by event_type`,
        [userId],
      );
      expect(types.map((t) => t.event_type)).toEqual([
        'ai_generation_attempted',
        'ai_generation_succeeded',
      ]);
    });
  });

  test('a failure records status, error log and event, and leaves no session', async () => {
    await inRollback(async (tx) => {
      const { userId, generationId } = await reserved(tx);
      await tx.query(
        `select public.finish_generation($1, 'timeout', 15003, 'gpt-x', null, 'timeout', 'AI provider took longer than 15000 ms', null)`,
        [generationId],
      );
      await tx.actAs(superuser);
      const [generation] = await tx.query(
        'select status, duration_ms, session_id from public.generations where id = $1',
        [generationId],
      );
      expect(generation).toEqual({ status: 'timeout', duration_ms: 15003, session_id: null });
      const logs = await tx.query(
        'select error_type, error_message from public.generation_error_logs where generation_id = $1',
        [generationId],
      );
      expect(logs).toEqual([
        { error_type: 'timeout', error_message: 'AI provider took longer than 15000 ms' },
      ]);
      const [sessions] = await tx.query(
        'select count(*)::int as n from public.sessions where user_id = $1',
        [userId],
      );
      expect(sessions).toEqual({ n: 0 });
      const [failed] = await tx.query(
        `select event_data from public.events where user_id = $1 and event_type = 'ai_generation_failed'`,
        [userId],
      );
      expect(failed!.event_data).toMatchObject({
        generation_id: generationId,
        status: 'timeout',
        error_type: 'timeout',
      });
    });
  });

  test('a session that breaks a rule is not created and the generation stays failed', async () => {
    await inRollback(async (tx) => {
      const { userId, generationId } = await reserved(tx);
      // The athlete planned a session by hand while the coach was thinking.
      await tx.actAs(superuser);
      rowsOf(await insertSession(tx, { user_id: userId }));
      await tx.actAs(serviceRole);
      const result = await tx.attempt(
        `select public.finish_generation($1, 'success', 300, 'm',
           jsonb_build_object('session_date', now(), 'sets', '[5,5,5,5,5]'::jsonb, 'ai_comment', 'x'))`,
        [generationId],
      );
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('23505');
      await tx.actAs(superuser);
      const [generation] = await tx.query(
        'select status, session_id from public.generations where id = $1',
        [generationId],
      );
      expect(generation).toEqual({ status: 'error', session_id: null });
    });
  });
});

describe('admin_metrics', () => {
  test('computes the success metrics over all users', async () => {
    await inRollback(async (tx) => {
      // Existing rows from other test files may be committed; measure on a clean slate.
      await tx.query('delete from auth.users');
      const a = await tx.createUser();
      const b = await tx.createUser();
      await tx.createUser();
      await tx.createUser();
      rowsOf(
        await insertSession(tx, {
          user_id: a,
          status: 'completed',
          session_date: '-2 days',
          rpe: 7,
        }),
      );
      rowsOf(await insertSession(tx, { user_id: a, status: 'failed', session_date: '-1 day' }));
      rowsOf(await insertSession(tx, { user_id: b, status: 'completed', session_date: '-3 days' }));
      rowsOf(await insertSession(tx, { user_id: b }));
      await tx.query(
        `insert into public.generations (user_id, model, duration_ms, status, created_at) values
          ($1, 'm', 1, 'success', now() - interval '1 day'),
          ($1, 'm', 1, 'error', now() - interval '2 days'),
          ($2, 'm', 1, 'timeout', now() - interval '10 days'),
          ($2, 'm', 1, 'success', now() - interval '10 days')`,
        [a, b],
      );
      await tx.actAs(serviceRole);
      const [row] = await tx.query<{ m: Record<string, unknown> }>(
        'select public.admin_metrics() as m',
      );
      expect(row!.m).toMatchObject({
        users: 4,
        activation_rate: 50,
        ai_adoption_rate: 50,
        ai_success_rate_7d: 50,
        ai_success_rate_all: 50,
        ai_generations_7d: 2,
        avg_sessions_per_user: 2,
        sessions_by_status: { completed: 2, failed: 1, planned: 1 },
      });
      expect((row!.m.events_last_30_days as Record<string, number>).user_registered).toBe(4);
      expect(row!.m.new_users_per_week).toEqual([expect.objectContaining({ users: 4 })]);
      await tx.actAs(athlete(a));
      const denied = await tx.attempt('select public.admin_metrics()');
      expect(denied.ok).toBe(false);
    });
  });
});

describe('finish_generation and the plan intent', () => {
  test('without an intent the session has none; an unknown one writes nothing', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(serviceRole);
      const first = await reserve(tx, userId);
      const [row] = await tx.query<{ r: { session: { ai_intent: string | null } } }>(
        `select public.finish_generation($1, 'success', 5, 'm',
           jsonb_build_object('session_date', now(), 'sets', '[5,5,5,5,5]'::jsonb, 'ai_comment', 'x')) as r`,
        [first.generation_id],
      );
      expect(row!.r.session.ai_intent).toBeNull();
      await tx.query(`update public.sessions set status = 'completed' where user_id = $1`, [
        userId,
      ]);
      const second = await reserve(tx, userId);
      const bad = await tx.attempt(
        `select public.finish_generation($1, 'success', 5, 'm',
           jsonb_build_object('session_date', now(), 'sets', '[5,5,5,5,5]'::jsonb,
                              'ai_comment', 'x', 'intent', 'bulk_up'))`,
        [second.generation_id],
      );
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.code).toBe('22P02');
    });
  });
});

describe('export_my_sessions', () => {
  test("returns the caller's sessions only, newest first; anon gets nothing callable", async () => {
    await inRollback(async (tx) => {
      const me = await tx.createUser();
      const other = await tx.createUser();
      rowsOf(
        await insertSession(tx, { user_id: me, status: 'completed', session_date: '-3 days' }),
      );
      const [newer] = rowsOf(
        await insertSession(tx, { user_id: me, status: 'failed', session_date: '-1 day' }),
      );
      rowsOf(
        await insertSession(tx, { user_id: other, status: 'completed', session_date: '-2 days' }),
      );
      await tx.actAs(athlete(me));
      const [row] = await tx.query<{ r: { id: string; status: string }[] }>(
        'select public.export_my_sessions() as r',
      );
      expect(row!.r.map((s) => s.status)).toEqual(['failed', 'completed']);
      expect(Object.keys(row!.r[0]!)).toContain('ai_intent');
      expect(row!.r[0]!.id).toBe(newer!.id);
      await tx.actAs(anon);
      expect((await tx.attempt('select public.export_my_sessions()')).ok).toBe(false);
    });
  });
});
