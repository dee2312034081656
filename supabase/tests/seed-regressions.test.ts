// The seed's SQL as written (fixtures/seed-schema.sql) shows each bug the migrations fix;
// fixes.test.ts runs the same scenarios against the migrations and sees them fixed. If a
// scenario stopped reproducing the bug here, it would no longer prove its fix.
import { describe, expect, inject, test } from 'vitest';
import { inRollback } from './db.ts';
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

const onSeed = (body: Parameters<typeof inRollback>[0]) => inRollback(body, inject('seedDbUrl'));

describe("the seed's own SQL", () => {
  test('1. cannot delete an account that has a completed session', async () => {
    await onSeed(async (tx) => {
      const { deletion, remaining } = await deleteAccountWithFinishedSessions(tx);
      expect(deletion.ok).toBe(false);
      if (!deletion.ok)
        expect(deletion.error.message).toBe('Cannot delete session with status: completed');
      expect(remaining.sessions).toBe(3);
    });
  });

  test('2. lets an athlete forge an AI-generated session', async () => {
    await onSeed(async (tx) => {
      const { insert, forgedRows } = await athleteForgesAiSession(tx);
      expect(insert.ok).toBe(true);
      expect(forgedRows).toBe(1);
    });
  });

  test('3. leaves is_modified false when the athlete changes an AI plan', async () => {
    await onSeed(async (tx) => {
      expect((await athleteEditsAiPlan(tx)).isModified).toBe(false);
    });
  });

  test('4. lets a session move backwards, log a future session as completed, complete with no reps', async () => {
    await onSeed(async (tx) => {
      expect((await statusMovesBackward(tx)).update.ok).toBe(true);
      expect((await futureSessionLoggedAsCompleted(tx)).insert.ok).toBe(true);
      expect((await completedWithoutReps(tx)).insert.ok).toBe(true);
    });
  });

  test('5. refuses the athlete finishing their own session', async () => {
    await onSeed(async (tx) => {
      const { update } = await athleteFinishesOwnSession(tx);
      expect(update.ok).toBe(false);
      if (!update.ok) expect(update.error.code).toBe('42501');
    });
  });

  test('6. writes no lifecycle events', async () => {
    await onSeed(async (tx) => {
      expect((await eventsOfANewSession(tx)).events).toEqual([]);
    });
  });
});
