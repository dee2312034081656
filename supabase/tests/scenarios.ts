// Scenarios for the seed's six bugs. Each returns what a caller would observe, so the same
// scenario proves the fix on the migrations (fixes.test.ts) and the bug on the seed's own
// SQL (seed-regressions.test.ts).
import { athlete, insertSession, rowsOf, serviceRole, superuser, type Tx } from './db.ts';

export async function countRowsOf(tx: Tx, userId: string) {
  const [counts] = await tx.query<Record<string, number>>(
    `select (select count(*)::int from public.sessions where user_id = $1) as sessions,
            (select count(*)::int from public.generations where user_id = $1) as generations,
            (select count(*)::int from public.generation_error_logs where user_id = $1) as error_logs,
            (select count(*)::int from public.events where user_id = $1) as events`,
    [userId],
  );
  return counts!;
}

/** 1. Deleting an account that has completed and failed sessions (US-007). */
export async function deleteAccountWithFinishedSessions(tx: Tx) {
  const userId = await tx.createUser();
  const [completed] = rowsOf(
    await insertSession(tx, {
      user_id: userId,
      status: 'completed',
      session_date: '-3 days',
      sets: [10, 9, 8, 8, 7],
      rpe: 8,
    }),
  );
  rowsOf(await insertSession(tx, { user_id: userId, status: 'failed', session_date: '-1 day' }));
  rowsOf(await insertSession(tx, { user_id: userId, status: 'planned' }));
  const [generation] = await tx.query<{ id: string }>(
    `insert into public.generations (user_id, session_id, model, duration_ms, status)
     values ($1, $2, 'rule-based-coach-v1', 12, 'success') returning id`,
    [userId, completed!.id],
  );
  await tx.query(
    `insert into public.generation_error_logs (user_id, generation_id, error_type, error_message)
     values ($1, $2, 'api_error', 'boom')`,
    [userId, generation!.id],
  );
  await tx.query(`insert into public.events (user_id, event_type) values ($1, 'session_started')`, [
    userId,
  ]);
  const deletion = await tx.attempt('delete from auth.users where id = $1', [userId]);
  return { deletion, remaining: await countRowsOf(tx, userId) };
}

/** 2. An athlete inserting a session that claims to come from the coach. */
export async function athleteForgesAiSession(tx: Tx) {
  const userId = await tx.createUser();
  await tx.actAs(athlete(userId));
  const insert = await insertSession(tx, {
    user_id: userId,
    is_ai_generated: true,
    ai_comment: 'Great work, says the coach (not really).',
  });
  await tx.actAs(superuser);
  const [stored] = await tx.query<{ forged: number }>(
    'select count(*)::int as forged from public.sessions where user_id = $1 and is_ai_generated',
    [userId],
  );
  return { insert, forgedRows: stored!.forged };
}

/** 3. The athlete changes the sets of a planned AI session. */
export async function athleteEditsAiPlan(tx: Tx) {
  const userId = await tx.createUser();
  await tx.actAs(serviceRole);
  const [session] = rowsOf(
    await insertSession(tx, {
      user_id: userId,
      sets: [8, 7, 7, 6, 6],
      is_ai_generated: true,
      ai_comment: 'Same as last time, one more rep on the first set.',
    }),
  );
  await tx.actAs(athlete(userId));
  const update = await tx.attempt<{ is_modified: boolean }>(
    'update public.sessions set set_1 = 9 where id = $1 returning is_modified',
    [session!.id],
  );
  await tx.actAs(superuser);
  return { update, isModified: rowsOf(update)[0]?.is_modified };
}

/** 4. A session moves backwards: in progress back to planned. */
export async function statusMovesBackward(tx: Tx) {
  const userId = await tx.createUser();
  const [session] = rowsOf(await insertSession(tx, { user_id: userId, status: 'in_progress' }));
  await tx.actAs(athlete(userId));
  const update = await tx.attempt(`update public.sessions set status = 'planned' where id = $1`, [
    session!.id,
  ]);
  await tx.actAs(superuser);
  return { update };
}

/** 4b. A session dated three days ahead logged as already completed. */
export async function futureSessionLoggedAsCompleted(tx: Tx) {
  const userId = await tx.createUser();
  await tx.actAs(athlete(userId));
  const insert = await insertSession(tx, {
    user_id: userId,
    status: 'completed',
    session_date: '3 days',
  });
  await tx.actAs(superuser);
  return { insert };
}

/** 4c. A completed session with no reps at all (US-057). */
export async function completedWithoutReps(tx: Tx) {
  const userId = await tx.createUser();
  await tx.actAs(athlete(userId));
  const insert = await insertSession(tx, {
    user_id: userId,
    status: 'completed',
    sets: [null, null, null, null, null],
  });
  await tx.actAs(superuser);
  return { insert };
}

/** 5. The athlete finishes their own in-progress session through the API. */
export async function athleteFinishesOwnSession(tx: Tx) {
  const userId = await tx.createUser();
  const [session] = rowsOf(await insertSession(tx, { user_id: userId, status: 'in_progress' }));
  await tx.actAs(athlete(userId));
  const update = await tx.attempt<{ status: string }>(
    `update public.sessions set status = 'completed', rpe = 8, set_5 = 4 where id = $1 returning status`,
    [session!.id],
  );
  await tx.actAs(superuser);
  return { update };
}

/** 6. Lifecycle events of a new session, written in the same transaction. */
export async function eventsOfANewSession(tx: Tx) {
  const userId = await tx.createUser();
  await tx.actAs(athlete(userId));
  const [session] = rowsOf(await insertSession(tx, { user_id: userId }));
  await tx.actAs(superuser);
  const events = await tx.query<{ event_type: string; event_data: Record<string, unknown> }>(
    'select event_type, event_data from public.events where user_id = $1 order by event_type',
    [userId],
  );
  return { sessionId: session!.id, events };
}
