// The migrations fix what the seed gets wrong; seed-regressions.test.ts shows each bug on
// the seed's SQL with the same scenarios.
import { describe, expect, test } from 'vitest';
import {
  athlete,
  inRollback,
  insertSession,
  rowsOf,
  serviceRole,
  superuser,
  type Tx,
} from './db.ts';
import {
  athleteEditsAiPlan,
  athleteFinishesOwnSession,
  athleteForgesAiSession,
  completedWithoutReps,
  deleteAccountWithFinishedSessions,
  eventsOfANewSession,
  futureSessionLoggedAsCompleted,
  statusMovesBackward,
} from './scenarios.ts';

async function eventsOf(tx: Tx, userId: string) {
  await tx.actAs(superuser);
  return tx.query<{ event_type: string; event_data: Record<string, unknown> }>(
    'select event_type, event_data from public.events where user_id = $1 order by created_at, event_type',
    [userId],
  );
}

describe('1. account deletion removes everything, finished sessions included (US-007)', () => {
  test('deleting the auth user cascades through all four tables', async () => {
    await inRollback(async (tx) => {
      const { deletion, remaining } = await deleteAccountWithFinishedSessions(tx);
      expect(deletion.ok).toBe(true);
      expect(remaining).toEqual({ sessions: 0, generations: 0, error_logs: 0, events: 0 });
    });
  });

  test('the athlete still cannot change or delete a completed or failed session', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      for (const status of ['completed', 'failed'] as const) {
        const [session] = rowsOf(
          await insertSession(tx, { user_id: userId, status, session_date: '-2 days' }),
        );
        await tx.actAs(athlete(userId));
        // RLS hides finished rows from UPDATE and DELETE: nothing is touched.
        const update = await tx.attempt('update public.sessions set set_1 = 20 where id = $1', [
          session!.id,
        ]);
        const remove = await tx.attempt('delete from public.sessions where id = $1', [session!.id]);
        expect(update).toMatchObject({ ok: true, rowCount: 0 });
        expect(remove).toMatchObject({ ok: true, rowCount: 0 });
        // Even the service role, which bypasses RLS, meets the trigger.
        await tx.actAs(serviceRole);
        const serviceUpdate = await tx.attempt(
          'update public.sessions set set_1 = 20 where id = $1',
          [session!.id],
        );
        const serviceDelete = await tx.attempt('delete from public.sessions where id = $1', [
          session!.id,
        ]);
        for (const attempt of [serviceUpdate, serviceDelete]) {
          expect(attempt.ok).toBe(false);
          if (!attempt.ok) {
            expect(attempt.error.message).toMatch(`session with status: ${status}`);
            expect(attempt.error.hint).toBe('session_immutable');
          }
        }
        await tx.actAs(superuser);
      }
    });
  });
});

describe('2. only the service role writes AI fields', () => {
  test('an athlete inserting an AI session gets an error and nothing is stored', async () => {
    await inRollback(async (tx) => {
      const { insert, forgedRows } = await athleteForgesAiSession(tx);
      expect(insert.ok).toBe(false);
      if (!insert.ok) {
        expect(insert.error.code).toBe('42501');
        expect(insert.error.hint).toBe('session_ai_fields_reserved');
      }
      expect(forgedRows).toBe(0);
    });
  });

  test.each([
    ['is_ai_generated', 'is_ai_generated = true'],
    ['ai_comment', `ai_comment = 'forged'`],
    ['is_modified', 'is_modified = true'],
    ['ai_intent', `ai_intent = 'deload'`],
  ])('an athlete cannot set %s on insert or update', async (_field, assignment) => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      const [column, value] = assignment.split(' = ') as [string, string];
      const insert = await tx.attempt(
        `insert into public.sessions (user_id, ${column}) values ($1, ${value})`,
        [userId],
      );
      expect(insert.ok).toBe(false);
      const [own] = rowsOf(await insertSession(tx, { user_id: userId }));
      const update = await tx.attempt(`update public.sessions set ${assignment} where id = $1`, [
        own!.id,
      ]);
      expect(update.ok).toBe(false);
      if (!update.ok) expect(update.error.hint).toBe('session_ai_fields_reserved');
    });
  });

  test('an athlete cannot clear the AI marks of a coach session either', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(serviceRole);
      const [session] = rowsOf(
        await insertSession(tx, { user_id: userId, is_ai_generated: true, ai_comment: 'Plan.' }),
      );
      await tx.actAs(athlete(userId));
      const update = await tx.attempt(
        'update public.sessions set is_ai_generated = false, ai_comment = null where id = $1',
        [session!.id],
      );
      expect(update.ok).toBe(false);
    });
  });

  test("an athlete cannot change or clear the coach's intent of a session", async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(serviceRole);
      const [session] = rowsOf(
        await insertSession(tx, { user_id: userId, is_ai_generated: true, ai_comment: 'Plan.' }),
      );
      await tx.query(`update public.sessions set ai_intent = 'deload' where id = $1`, [
        session!.id,
      ]);
      await tx.actAs(athlete(userId));
      for (const value of [`'progress'`, 'null']) {
        const update = await tx.attempt(
          `update public.sessions set ai_intent = ${value} where id = $1`,
          [session!.id],
        );
        expect(update.ok).toBe(false);
        if (!update.ok) {
          expect(update.error.code).toBe('42501');
          expect(update.error.hint).toBe('session_ai_fields_reserved');
        }
      }
      // Editing the plan itself is still the athlete's right; the intent stays the coach's.
      const [edited] = await tx.query<{ ai_intent: string; is_modified: boolean }>(
        'update public.sessions set set_1 = 4 where id = $1 returning ai_intent, is_modified',
        [session!.id],
      );
      expect(edited).toEqual({ ai_intent: 'deload', is_modified: true });
    });
  });

  test('the service role creates an AI session', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(serviceRole);
      const [session] = rowsOf(
        await insertSession(tx, { user_id: userId, is_ai_generated: true, ai_comment: 'Go.' }),
      );
      expect(session).toMatchObject({
        is_ai_generated: true,
        ai_comment: 'Go.',
        is_modified: false,
      });
    });
  });
});

describe('3. is_modified turns on by itself when the athlete changes an AI plan', () => {
  test('changing a set of a planned AI session marks it modified', async () => {
    await inRollback(async (tx) => {
      const { update, isModified } = await athleteEditsAiPlan(tx);
      expect(update.ok).toBe(true);
      expect(isModified).toBe(true);
    });
  });

  async function plannedAiSession(tx: Tx) {
    const userId = await tx.createUser();
    await tx.actAs(serviceRole);
    const [session] = rowsOf(
      await insertSession(tx, {
        user_id: userId,
        sets: [8, 7, 7, 6, 6],
        is_ai_generated: true,
        ai_comment: 'Plan.',
      }),
    );
    await tx.actAs(athlete(userId));
    return session!.id;
  }

  test('moving its date marks it modified', async () => {
    await inRollback(async (tx) => {
      const id = await plannedAiSession(tx);
      const [row] = await tx.query<{ is_modified: boolean }>(
        `update public.sessions set session_date = now() + interval '2 days' where id = $1 returning is_modified`,
        [id],
      );
      expect(row!.is_modified).toBe(true);
    });
  });

  test('starting it, recording reps while training and finishing are not modifications', async () => {
    await inRollback(async (tx) => {
      const id = await plannedAiSession(tx);
      const steps = [
        `status = 'in_progress'`,
        'set_1 = 9, set_2 = 6',
        `status = 'completed', set_5 = 4, rpe = 9`,
      ];
      for (const step of steps) {
        const [row] = await tx.query<{ is_modified: boolean }>(
          `update public.sessions set ${step} where id = $1 returning is_modified`,
          [id],
        );
        expect(row!.is_modified, step).toBe(false);
      }
    });
  });

  test('logging a planned AI session straight as completed with other reps is not a modification', async () => {
    await inRollback(async (tx) => {
      const id = await plannedAiSession(tx);
      const [row] = await tx.query<{ is_modified: boolean }>(
        `update public.sessions set status = 'completed', set_1 = 3 where id = $1 returning is_modified`,
        [id],
      );
      expect(row!.is_modified).toBe(false);
    });
  });

  test('a manual session never becomes modified', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      const [session] = rowsOf(await insertSession(tx, { user_id: userId }));
      const [row] = await tx.query<{ is_modified: boolean }>(
        'update public.sessions set set_1 = 9 where id = $1 returning is_modified',
        [session!.id],
      );
      expect(row!.is_modified).toBe(false);
    });
  });
});

describe('4. the lifecycle and date rules', () => {
  const statuses = ['planned', 'in_progress', 'completed', 'failed'] as const;
  const allowed = new Set([
    'planned>in_progress',
    'planned>completed',
    'planned>failed',
    'in_progress>completed',
    'in_progress>failed',
  ]);

  test.each(statuses.flatMap((from) => statuses.map((to) => [from, to] as const)))(
    'status %s → %s',
    async (from, to) => {
      await inRollback(async (tx) => {
        const userId = await tx.createUser();
        const [session] = rowsOf(
          await insertSession(tx, { user_id: userId, status: from, sets: [5, 5, 5, 5, 5] }),
        );
        await tx.actAs(serviceRole);
        const update = await tx.attempt(`update public.sessions set status = $2 where id = $1`, [
          session!.id,
          to,
        ]);
        if (from === to && (from === 'planned' || from === 'in_progress')) {
          expect(update.ok).toBe(true);
        } else if (allowed.has(`${from}>${to}`)) {
          expect(update.ok).toBe(true);
        } else {
          expect(update.ok).toBe(false);
          if (!update.ok) {
            const finished = from === 'completed' || from === 'failed';
            expect(update.error.hint).toBe(
              finished ? 'session_immutable' : 'session_status_transition',
            );
          }
        }
      });
    },
  );

  test('a backward move names the rule', async () => {
    await inRollback(async (tx) => {
      const { update } = await statusMovesBackward(tx);
      expect(update.ok).toBe(false);
      if (!update.ok) {
        expect(update.error.message).toBe(
          "A session's status only moves forward: in_progress cannot become planned",
        );
        expect(update.error.hint).toBe('session_status_transition');
      }
    });
  });

  test('a completed session needs at least one set above zero (US-057)', async () => {
    await inRollback(async (tx) => {
      const { insert } = await completedWithoutReps(tx);
      expect(insert.ok).toBe(false);
      if (!insert.ok) expect(insert.error.constraint).toBe('sessions_completed_has_reps');
      const userId = await tx.createUser();
      const [planned] = rowsOf(
        await insertSession(tx, { user_id: userId, sets: [null, null, null, null, null] }),
      );
      const finish = await tx.attempt(
        `update public.sessions set status = 'completed' where id = $1`,
        [planned!.id],
      );
      expect(finish.ok).toBe(false);
      // A failed session may hold no reps: the athlete tried and could not.
      const fail = await tx.attempt(`update public.sessions set status = 'failed' where id = $1`, [
        planned!.id,
      ]);
      expect(fail.ok).toBe(true);
    });
  });

  test('RPE is only recorded on a completed session', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      for (const status of ['planned', 'in_progress', 'failed'] as const) {
        const result = await insertSession(tx, { user_id: userId, status, rpe: 7 });
        expect(result.ok, status).toBe(false);
        if (!result.ok) expect(result.error.constraint).toBe('sessions_rpe_only_when_completed');
      }
    });
  });

  test('a future session logged as completed names the rule', async () => {
    await inRollback(async (tx) => {
      const { insert } = await futureSessionLoggedAsCompleted(tx);
      expect(insert.ok).toBe(false);
      if (!insert.ok) {
        expect(insert.error.hint).toBe('session_future_must_be_planned');
        expect(insert.error.message).toBe(
          'A session dated in the future can only be planned, not completed',
        );
      }
    });
  });

  // Offsets from now; ±23 h can still be "today" somewhere on Earth, so any status is allowed.
  test.each([
    ['3 days', 'planned', null],
    ['3 days', 'in_progress', 'session_future_must_be_planned'],
    ['3 days', 'failed', 'session_future_must_be_planned'],
    ['29 days', 'planned', null],
    ['30 days 20 hours', 'planned', null],
    ['32 days', 'planned', 'session_date_too_far_ahead'],
    ['23 hours', 'completed', null],
    ['-23 hours', 'planned', null],
    ['-23 hours', 'in_progress', null],
    ['-3 days', 'planned', 'session_past_must_be_finished'],
    ['-3 days', 'in_progress', 'session_past_must_be_finished'],
    ['-3 days', 'completed', null],
    ['-400 days', 'failed', null],
  ] as const)('a new session dated now %s as %s: %s', async (offset, status, rule) => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      const result = await insertSession(tx, { user_id: userId, status, session_date: offset });
      if (rule === null) {
        expect(result.ok).toBe(true);
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('23514');
          expect(result.error.hint).toBe(rule);
        }
      }
    });
  });

  test('the date rules also hold when an update moves the date or the status', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      const [ahead] = rowsOf(await insertSession(tx, { user_id: userId, session_date: '3 days' }));
      const start = await tx.attempt(
        `update public.sessions set status = 'in_progress' where id = $1`,
        [ahead!.id],
      );
      expect(start.ok).toBe(false);
      if (!start.ok) expect(start.error.hint).toBe('session_future_must_be_planned');
      const backdate = await tx.attempt(
        `update public.sessions set session_date = now() - interval '5 days' where id = $1`,
        [ahead!.id],
      );
      expect(backdate.ok).toBe(false);
      if (!backdate.ok) expect(backdate.error.hint).toBe('session_past_must_be_finished');
      // Starting it today, with today's date, is how the app starts an early session.
      const startToday = await tx.attempt(
        `update public.sessions set status = 'in_progress', session_date = now() where id = $1`,
        [ahead!.id],
      );
      expect(startToday.ok).toBe(true);
    });
  });
});

describe('5. the athlete finishes their own session', () => {
  test('an in-progress session becomes completed through the API role', async () => {
    await inRollback(async (tx) => {
      const { update } = await athleteFinishesOwnSession(tx);
      expect(update.ok).toBe(true);
      expect(rowsOf(update)[0]?.status).toBe('completed');
    });
  });

  test('a planned session can be logged as failed; nobody else can finish it', async () => {
    await inRollback(async (tx) => {
      const ownerId = await tx.createUser();
      const otherId = await tx.createUser();
      const [session] = rowsOf(await insertSession(tx, { user_id: ownerId }));
      await tx.actAs(athlete(otherId));
      const stranger = await tx.attempt(
        `update public.sessions set status = 'failed' where id = $1`,
        [session!.id],
      );
      expect(stranger).toMatchObject({ ok: true, rowCount: 0 });
      await tx.actAs(athlete(ownerId));
      const owner = await tx.attempt(`update public.sessions set status = 'failed' where id = $1`, [
        session!.id,
      ]);
      expect(owner).toMatchObject({ ok: true, rowCount: 1 });
    });
  });

  test('the owner cannot hand a session to another user', async () => {
    await inRollback(async (tx) => {
      const ownerId = await tx.createUser();
      const otherId = await tx.createUser();
      await tx.actAs(athlete(ownerId));
      const [session] = rowsOf(await insertSession(tx, { user_id: ownerId }));
      const handOver = await tx.attempt('update public.sessions set user_id = $2 where id = $1', [
        session!.id,
        otherId,
      ]);
      expect(handOver.ok).toBe(false);
    });
  });
});

describe('6. lifecycle events are written by triggers in the same transaction', () => {
  test('a new account logs user_registered', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      expect(await eventsOf(tx, userId)).toEqual([
        { event_type: 'user_registered', event_data: { provider: 'email' } },
      ]);
    });
  });

  test("a user's first session logs first_session_created and session_created; later ones only session_created", async () => {
    await inRollback(async (tx) => {
      const { sessionId, events } = await eventsOfANewSession(tx);
      expect(events).toEqual([
        {
          event_type: 'first_session_created',
          event_data: { session_id: sessionId, creation_method: 'manual', status: 'planned' },
        },
        {
          event_type: 'session_created',
          event_data: { session_id: sessionId, creation_method: 'manual', status: 'planned' },
        },
        { event_type: 'user_registered', event_data: { provider: 'email' } },
      ]);
    });
  });

  test('the whole lifecycle of an AI session, with event_data as in the seed', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      const [first] = rowsOf(
        await insertSession(tx, { user_id: userId, status: 'failed', session_date: '-2 days' }),
      );
      await tx.actAs(serviceRole);
      const [ai] = rowsOf(
        await insertSession(tx, {
          user_id: userId,
          sets: [6, 6, 5, 5, 4],
          is_ai_generated: true,
          ai_comment: 'Plan.',
        }),
      );
      await tx.actAs(athlete(userId));
      await tx.query('update public.sessions set set_1 = 7 where id = $1', [ai!.id]);
      await tx.query(`update public.sessions set status = 'in_progress' where id = $1`, [ai!.id]);
      await tx.query('update public.sessions set set_2 = 5 where id = $1', [ai!.id]);
      await tx.query(`update public.sessions set status = 'completed', rpe = 8 where id = $1`, [
        ai!.id,
      ]);
      const [third] = rowsOf(await insertSession(tx, { user_id: userId }));
      await tx.query('delete from public.sessions where id = $1', [third!.id]);

      // One transaction gives every event the same created_at, so compare them as a set.
      const canonical = (value: unknown) =>
        JSON.stringify(value, (_key, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).sort())
            : v,
        );
      const byJson = (a: unknown, b: unknown) => canonical(a).localeCompare(canonical(b));
      const events = (await eventsOf(tx, userId)).map((e) => [e.event_type, e.event_data]);
      expect(events.sort(byJson)).toEqual(
        [
          ['user_registered', { provider: 'email' }],
          [
            'first_session_created',
            { session_id: first!.id, creation_method: 'manual', status: 'failed' },
          ],
          [
            'session_created',
            { session_id: first!.id, creation_method: 'manual', status: 'failed' },
          ],
          ['session_failed', { session_id: first!.id, total_reps: 25 }],
          ['session_created', { session_id: ai!.id, creation_method: 'ai', status: 'planned' }],
          ['session_edited', { session_id: ai!.id, status: 'planned', changed_fields: ['set_1'] }],
          ['session_started', { session_id: ai!.id }],
          // set_2 recorded while training: progress, not an edit.
          ['session_completed', { session_id: ai!.id, rpe: 8, total_reps: 26 }],
          [
            'session_created',
            { session_id: third!.id, creation_method: 'manual', status: 'planned' },
          ],
          ['session_deleted', { session_id: third!.id, status: 'planned' }],
        ].sort(byJson),
      );
    });
  });

  test('events are part of the transaction: a rolled-back insert leaves no event', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      rowsOf(await insertSession(tx, { user_id: userId }));
      // A second active session violates the unique index: that statement and its events roll back.
      const second = await insertSession(tx, { user_id: userId });
      expect(second.ok).toBe(false);
      const types = (await eventsOf(tx, userId)).map((e) => e.event_type);
      expect(types.filter((t) => t === 'session_created')).toHaveLength(1);
    });
  });

  test('an athlete cannot write events directly', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      const forged = await tx.attempt(
        `insert into public.events (user_id, event_type) values ($1, 'session_completed')`,
        [userId],
      );
      expect(forged.ok).toBe(false);
      if (!forged.ok) expect(forged.error.code).toBe('42501');
    });
  });
});

describe('foreign key actions', () => {
  test('deleting a session sets generations.session_id to null', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const [session] = rowsOf(await insertSession(tx, { user_id: userId }));
      const [generation] = await tx.query<{ id: string }>(
        `insert into public.generations (user_id, session_id, model, duration_ms, status)
         values ($1, $2, 'm', 10, 'success') returning id`,
        [userId, session!.id],
      );
      await tx.query('delete from public.sessions where id = $1', [session!.id]);
      const [row] = await tx.query('select session_id from public.generations where id = $1', [
        generation!.id,
      ]);
      expect(row).toEqual({ session_id: null });
    });
  });

  test('deleting a generation deletes its error logs', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      const [generation] = await tx.query<{ id: string }>(
        `insert into public.generations (user_id, model, duration_ms, status)
         values ($1, 'm', 10, 'error') returning id`,
        [userId],
      );
      await tx.query(
        `insert into public.generation_error_logs (user_id, generation_id, error_type, error_message)
         values ($1, $2, 'api_error', 'x'), ($1, $2, 'api_error', 'y')`,
        [userId, generation!.id],
      );
      await tx.query('delete from public.generations where id = $1', [generation!.id]);
      const [count] = await tx.query<{ n: number }>(
        'select count(*)::int as n from public.generation_error_logs where user_id = $1',
        [userId],
      );
      expect(count!.n).toBe(0);
    });
  });
});
