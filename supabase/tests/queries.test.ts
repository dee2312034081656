// The seed's common queries 1–8 return the right rows for a small hand-made fixture,
// run as the athlete so RLS applies as in the app.
import { describe, expect, test } from 'vitest';
import { athlete, inRollback, insertSession, rowsOf, superuser, type Tx } from './db.ts';

async function fixture(tx: Tx) {
  const userId = await tx.createUser();
  const otherId = await tx.createUser();
  const add = async (fields: Parameters<typeof insertSession>[1]) =>
    rowsOf(await insertSession(tx, fields))[0]!;
  const oldest = await add({
    user_id: userId,
    status: 'completed',
    session_date: '-10 days',
    sets: [5, 5, 5, 5, 5],
    rpe: 7,
  });
  const failed = await add({
    user_id: userId,
    status: 'failed',
    session_date: '-6 days',
    sets: [6, 5, 4, 3, 2],
  });
  const lastCompleted = await add({
    user_id: userId,
    status: 'completed',
    session_date: '-3 days',
    sets: [6, 6, 5, 5, 5],
    rpe: 8,
  });
  const recent = await add({
    user_id: userId,
    status: 'failed',
    session_date: '-20 hours',
    sets: [7, 6, null, null, null],
  });
  const active = await add({ user_id: userId, status: 'planned', session_date: '1 day' });
  // Noise that must never show up: another athlete's rows.
  await add({
    user_id: otherId,
    status: 'completed',
    session_date: '-1 hour',
    sets: [20, 20, 20, 20, 20],
  });
  await add({ user_id: otherId, status: 'planned' });
  await tx.query(
    `insert into public.generations (user_id, model, duration_ms, status, created_at) values
       ($1, 'm', 10, 'success', now() - interval '2 hours'),
       ($1, 'm', 10, 'error', now() - interval '23 hours'),
       ($1, 'm', 10, 'success', now() - interval '25 hours'),
       ($2, 'm', 10, 'success', now())`,
    [userId, otherId],
  );
  await tx.actAs(athlete(userId));
  return { userId, oldest, failed, lastCompleted, recent, active };
}

describe("the seed's common queries", () => {
  test('1. current active session', async () => {
    await inRollback(async (tx) => {
      const f = await fixture(tx);
      const rows = await tx.query(
        `select id from sessions where user_id = $1 and status in ('planned', 'in_progress')
         order by created_at desc limit 1`,
        [f.userId],
      );
      expect(rows).toEqual([{ id: f.active.id }]);
    });
  });

  test('2. last completed session', async () => {
    await inRollback(async (tx) => {
      const f = await fixture(tx);
      const rows = await tx.query(
        `select id from sessions where user_id = $1 and status = 'completed' order by session_date desc limit 1`,
        [f.userId],
      );
      expect(rows).toEqual([{ id: f.lastCompleted.id }]);
    });
  });

  test('3. paginated history with status and date filters', async () => {
    await inRollback(async (tx) => {
      const f = await fixture(tx);
      const page = (statuses: string[], offset: number, limit = 10) =>
        tx.query(
          `select id from sessions where user_id = $1 and status = any($2::session_status[])
             and session_date between now() - interval '7 days' and now()
           order by session_date desc limit ${limit} offset $3`,
          [f.userId, statuses, offset],
        );
      expect(await page(['completed', 'failed'], 0)).toEqual([
        { id: f.recent.id },
        { id: f.lastCompleted.id },
        { id: f.failed.id },
      ]);
      expect(await page(['failed'], 0)).toEqual([{ id: f.recent.id }, { id: f.failed.id }]);
      expect(await page(['completed', 'failed'], 1, 1)).toEqual([{ id: f.lastCompleted.id }]);
    });
  });

  test('4. rate limit count over the last 24 hours', async () => {
    await inRollback(async (tx) => {
      const f = await fixture(tx);
      const [row] = await tx.query(
        `select count(*)::int as n from generations where user_id = $1 and created_at > now() - interval '24 hours'`,
        [f.userId],
      );
      expect(row).toEqual({ n: 2 });
    });
  });

  test('5. recent finished sessions for the coach, newest first', async () => {
    await inRollback(async (tx) => {
      const f = await fixture(tx);
      const rows = await tx.query(
        `select total_reps, rpe, status from sessions where user_id = $1 and status in ('completed', 'failed')
         order by session_date desc limit 10`,
        [f.userId],
      );
      expect(rows).toEqual([
        { total_reps: 13, rpe: null, status: 'failed' },
        { total_reps: 27, rpe: 8, status: 'completed' },
        { total_reps: 20, rpe: null, status: 'failed' },
        { total_reps: 25, rpe: 7, status: 'completed' },
      ]);
    });
  });

  test('6. AI success rate over 7 days (admin, all users)', async () => {
    await inRollback(async (tx) => {
      await fixture(tx);
      await tx.actAs(superuser);
      const [row] = await tx.query<{ success_rate: string }>(
        `select count(*) filter (where status = 'success') * 100.0 / count(*) as success_rate
         from generations where created_at > now() - interval '7 days'`,
      );
      expect(Number(row!.success_rate)).toBe(75);
    });
  });

  test('7. hours since the last finished session', async () => {
    await inRollback(async (tx) => {
      const f = await fixture(tx);
      const [row] = await tx.query<{ hours_since: string }>(
        `select extract(epoch from (now() - session_date)) / 3600 as hours_since from sessions
         where user_id = $1 and status in ('completed', 'failed') order by session_date desc limit 1`,
        [f.userId],
      );
      expect(Math.round(Number(row!.hours_since))).toBe(20);
    });
  });

  test('8. finished sessions on the same date', async () => {
    await inRollback(async (tx) => {
      const f = await fixture(tx);
      const [row] = await tx.query(
        `select count(*)::int as n from sessions where user_id = $1
           and date(session_date) = date(now() - interval '3 days') and status in ('completed', 'failed')`,
        [f.userId],
      );
      expect(row).toEqual({ n: 1 });
    });
  });
});
