import { describe, expect, test } from 'vitest';
import { athlete, inRollback, insertSession, rowsOf, superuser } from './db.ts';

describe('sessions constraints', () => {
  test.each([
    [0, false],
    [1, true],
    [60, true],
    [61, false],
  ])('a set of %i reps is accepted: %s', async (reps, accepted) => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      for (let set = 0; set < 5; set++) {
        const sets = [3, 3, 3, 3, 3];
        sets[set] = reps;
        const result = await insertSession(tx, { user_id: userId, status: 'failed', sets });
        expect(result.ok).toBe(accepted);
        if (!result.ok) {
          expect(result.error.code).toBe('23514');
          expect(result.error.constraint).toBe(`sessions_set_${set + 1}_check`);
        }
      }
    });
  });

  test.each([
    [0, false],
    [1, true],
    [10, true],
    [11, false],
  ])('an RPE of %i is accepted: %s', async (rpe, accepted) => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const result = await insertSession(tx, { user_id: userId, status: 'completed', rpe });
      expect(result.ok).toBe(accepted);
      if (!result.ok) expect(result.error.constraint).toBe('sessions_rpe_check');
    });
  });

  // total_reps is absent: the trigger always computes it, so a null never reaches the column.
  test('required columns refuse null', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      for (const column of [
        'user_id',
        'status',
        'session_date',
        'is_ai_generated',
        'is_modified',
        'created_at',
        'updated_at',
      ]) {
        const result = await tx.attempt(
          column === 'user_id'
            ? 'insert into public.sessions (user_id) values (null)'
            : `insert into public.sessions (user_id, ${column}) values ($1, null)`,
          column === 'user_id' ? [] : [userId],
        );
        expect(result.ok, column).toBe(false);
        if (!result.ok) expect(result.error.code, column).toBe('23502');
      }
      for (const [table, sql] of [
        [
          'generations',
          `insert into public.generations (user_id, model, duration_ms, status) values ($1, null, 1, 'success')`,
        ],
        [
          'generation_error_logs',
          `insert into public.generation_error_logs (user_id, error_type, error_message) values ($1, 'x', null)`,
        ],
        ['events', `insert into public.events (user_id, event_type) values ($1, null)`],
      ] as const) {
        const result = await tx.attempt(sql, [userId]);
        expect(result.ok, table).toBe(false);
        if (!result.ok) expect(result.error.code, table).toBe('23502');
      }
    });
  });

  test('defaults fill a minimal session, generation, error log and event', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const [session] = await tx.query(
        'insert into public.sessions (user_id) values ($1) returning *, now() as tx_now',
        [userId],
      );
      expect(session).toMatchObject({
        status: 'planned',
        total_reps: 0,
        rpe: null,
        set_1: null,
        is_ai_generated: false,
        is_modified: false,
        ai_comment: null,
      });
      expect(session!.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(session!.session_date).toEqual(session!.tx_now);
      expect(session!.created_at).toEqual(session!.tx_now);
      expect(session!.updated_at).toEqual(session!.tx_now);
      const [event] = await tx.query(
        `insert into public.events (user_id, event_type) values ($1, 'x') returning event_data, created_at`,
        [userId],
      );
      expect(event!.event_data).toEqual({});
      const [generation] = await tx.query(
        `insert into public.generations (user_id, model, duration_ms, status)
         values ($1, 'm', 5, 'error') returning session_id, created_at`,
        [userId],
      );
      expect(generation!.session_id).toBeNull();
      expect(generation!.created_at).toBeInstanceOf(Date);
    });
  });

  test('enums reject unknown values', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const bad = await tx.attempt(
        `insert into public.sessions (user_id, status) values ($1, 'skipped')`,
        [userId],
      );
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.code).toBe('22P02');
      const badGen = await tx.attempt(
        `insert into public.generations (user_id, model, duration_ms, status) values ($1, 'm', 1, 'pending')`,
        [userId],
      );
      expect(badGen.ok).toBe(false);
    });
  });

  test('a session of an unknown user is refused by the foreign key', async () => {
    await inRollback(async (tx) => {
      const result = await insertSession(tx, { user_id: '00000000-0000-0000-0000-000000000001' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('23503');
    });
  });
});

describe('total_reps and updated_at triggers', () => {
  test('total_reps is the sum of the sets on insert, nulls counting as zero', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const [row] = rowsOf(
        await insertSession(tx, {
          user_id: userId,
          status: 'failed',
          sets: [12, 15, null, 11, 14],
        }),
      );
      expect(row!.total_reps).toBe(52);
    });
  });

  test('total_reps follows an update of any single set', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const [row] = rowsOf(await insertSession(tx, { user_id: userId, sets: [1, 2, 3, 4, 5] }));
      let expected = 15;
      for (let set = 1; set <= 5; set++) {
        const [updated] = await tx.query<{ total_reps: number }>(
          `update public.sessions set set_${set} = set_${set} + 10 where id = $1 returning total_reps`,
          [row!.id],
        );
        expected += 10;
        expect(updated!.total_reps).toBe(expected);
      }
    });
  });

  test('a client cannot write its own total_reps', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const [row] = rowsOf(await insertSession(tx, { user_id: userId, sets: [1, 1, 1, 1, 1] }));
      await tx.actAs(athlete(userId));
      const [updated] = await tx.query<{ total_reps: number }>(
        'update public.sessions set total_reps = 500 where id = $1 returning total_reps',
        [row!.id],
      );
      expect(updated!.total_reps).toBe(5);
      const [inserted] = await tx.query<{ total_reps: number }>(
        `insert into public.sessions (user_id, status, set_1, total_reps) values ($1, 'failed', 2, 99)
         returning total_reps`,
        [userId],
      );
      expect(inserted!.total_reps).toBe(2);
    });
  });

  test('updated_at moves to the time of the update; created_at stays', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const [row] = await tx.query<{ id: string }>(
        `insert into public.sessions (user_id, created_at, updated_at)
         values ($1, now() - interval '2 days', now() - interval '2 days') returning id`,
        [userId],
      );
      await tx.actAs(athlete(userId));
      const [updated] = await tx.query<{ fresh: boolean; created_kept: boolean }>(
        `update public.sessions set set_1 = 3, created_at = now() where id = $1
         returning updated_at = now() as fresh, created_at < now() - interval '1 day' as created_kept`,
        [row!.id],
      );
      expect(updated).toEqual({ fresh: true, created_kept: true });
      await tx.actAs(superuser);
    });
  });
});
