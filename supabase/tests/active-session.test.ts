// One planned or in-progress session per athlete (US-049), enforced by a partial unique
// index, including against two concurrent inserts on separate connections.
import { afterAll, describe, expect, test } from 'vitest';
import type pg from 'pg';
import { athlete, connect, inRollback, insertSession, insertSessionSql, rowsOf } from './db.ts';

describe('single active session', () => {
  test('a second planned or in-progress session is refused; finished ones are not limited', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const otherId = await tx.createUser();
      await tx.actAs(athlete(userId));
      rowsOf(await insertSession(tx, { user_id: userId, status: 'in_progress' }));
      for (const status of ['planned', 'in_progress'] as const) {
        const second = await insertSession(tx, { user_id: userId, status, session_date: '1 hour' });
        expect(second.ok).toBe(false);
        if (!second.ok) {
          expect(second.error.code).toBe('23505');
          expect(second.error.constraint).toBe('idx_one_active_session');
        }
      }
      for (const status of ['completed', 'failed'] as const) {
        rowsOf(await insertSession(tx, { user_id: userId, status, session_date: '-2 days' }));
        rowsOf(await insertSession(tx, { user_id: userId, status, session_date: '-3 days' }));
      }
      // Another athlete has their own slot.
      await tx.actAs(athlete(otherId));
      rowsOf(await insertSession(tx, { user_id: otherId }));
    });
  });

  test('finishing the active session frees the slot', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      const [first] = rowsOf(await insertSession(tx, { user_id: userId, status: 'in_progress' }));
      await tx.query(`update public.sessions set status = 'completed' where id = $1`, [first!.id]);
      expect((await insertSession(tx, { user_id: userId })).ok).toBe(true);
    });
  });

  describe('two concurrent inserts from two connections', () => {
    const clients: pg.Client[] = [];
    let userId = '';

    afterAll(async () => {
      if (userId) {
        const admin = await connect();
        await admin.query('delete from auth.users where id = $1', [userId]);
        await admin.end();
      }
      await Promise.all(clients.map((c) => c.end()));
    });

    test('exactly one wins; the other gets a unique violation', async () => {
      const admin = await connect();
      const [row] = (
        await admin.query<{ id: string }>(
          `insert into auth.users (id, aud, role, email, created_at, updated_at)
           values (gen_random_uuid(), 'authenticated', 'authenticated', 'race@example.test', now(), now())
           returning id`,
        )
      ).rows;
      await admin.end();
      userId = row!.id;

      clients.push(await connect(), await connect());
      const claims = JSON.stringify({ sub: userId, role: 'authenticated' });
      for (const client of clients) {
        await client.query('begin');
        await client.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
        await client.query('set local role authenticated');
      }
      const { sql, params } = insertSessionSql({ user_id: userId });
      // Both inserts are in flight before either commits: the second blocks on the index.
      const first = clients[0]!.query(sql, params);
      await first;
      const second = clients[1]!.query(sql, params).then(
        () => 'inserted',
        (error: pg.DatabaseError) => error.code,
      );
      await clients[0]!.query('commit');
      expect(await second).toBe('23505');
      await clients[1]!.query('rollback');

      const check = await connect();
      const count = await check.query(
        `select count(*)::int as n from public.sessions where user_id = $1 and status in ('planned','in_progress')`,
        [userId],
      );
      await check.end();
      expect(count.rows[0].n).toBe(1);
    });
  });
});
