import { describe, expect, test } from 'vitest';
import {
  boundPlan,
  firstSessionSets,
  planBoundsContext,
  planLimits,
  restartCut,
  type PlanBoundsContext,
} from './plan-bounds.ts';
import type { PlanIntent, SessionRecord, Sets } from './session-model.ts';

function session(
  day: string,
  sets: Sets,
  rpe: number | null = null,
  status: 'completed' | 'failed' = 'completed',
  intent: PlanIntent | null = null,
): SessionRecord {
  return {
    session_date: `${day}T18:00:00.000Z`,
    sets,
    total_reps: sets.reduce((sum, reps) => sum + reps, 0),
    rpe,
    status,
    is_ai_generated: intent !== null,
    is_modified: false,
    intent,
  };
}

const PLANNED = new Date('2025-03-10T18:00:00.000Z');
const sum = (sets: readonly number[]) => sets.reduce((a, b) => a + b, 0);

// Last session 10-10-9-9-8 (46 reps) at RPE 7, two days ago.
const steady: PlanBoundsContext = {
  firstSessionMax: null,
  bestSet: 10,
  referenceSets: [10, 10, 9, 9, 8],
  referenceTotal: 46,
  lastTotal: 46,
  lastMissed: false,
  lastHitTotal: 46,
  lastRpe: 7,
  afterDeload: false,
  hoursSinceLast: 48,
  daysSinceLast: 2,
};

const bound = (sets: number[], history: SessionRecord[], plannedDate = PLANNED) =>
  boundPlan({ sets }, planBoundsContext({ history, plannedDate }));

describe('planBoundsContext reads the history', () => {
  test('best set, totals, miss, RPE and rest are taken from the newest finished session', () => {
    const context = planBoundsContext({
      history: [
        session('2025-03-06', [12, 10, 9, 9, 8], 7),
        session('2025-03-09', [10, 9, 8, 7, 6], null, 'failed'),
        { ...session('2025-03-10', [20, 20, 20, 20, 20]), status: 'planned' },
      ],
      plannedDate: PLANNED,
    });
    expect(context).toEqual({
      firstSessionMax: null,
      bestSet: 12,
      referenceSets: [10, 9, 8, 7, 6],
      referenceTotal: 40,
      lastTotal: 40,
      lastMissed: true,
      lastHitTotal: 48,
      lastRpe: null,
      afterDeload: false,
      hoursSinceLast: 24,
      daysSinceLast: 1,
    });
  });

  test('a deload is known by its intent, and the plan builds on the session before it', () => {
    const history = [
      session('2025-03-08', [6, 6, 6, 5, 5], 8, 'completed', 'deload'),
      session('2025-03-06', [10, 10, 9, 9, 8], 9, 'completed', 'progress'),
    ];
    const context = planBoundsContext({ history, plannedDate: PLANNED });
    expect(context).toMatchObject({ afterDeload: true, referenceTotal: 46, lastTotal: 28 });
    // The same rows without the intent are just a lighter session: no resume allowance.
    const guessed = planBoundsContext({
      history: history.map((s) => ({ ...s, intent: null })),
      plannedDate: PLANNED,
    });
    expect(guessed).toMatchObject({ afterDeload: false, referenceTotal: 28 });
  });

  test('without history only the baseline is known', () => {
    expect(planBoundsContext({ history: [], baselineMaxReps: 8, plannedDate: PLANNED })).toEqual({
      ...steady,
      firstSessionMax: 8,
      bestSet: null,
      referenceSets: null,
      referenceTotal: null,
      lastTotal: null,
      lastHitTotal: null,
      lastRpe: null,
      hoursSinceLast: null,
      daysSinceLast: null,
    });
  });
});

describe('boundPlan', () => {
  test('a sound plan passes unchanged', () => {
    expect(boundPlan({ sets: [10, 10, 10, 9, 9] }, steady)).toEqual({
      sets: [10, 10, 10, 9, 9],
      adjusted: false,
      reasons: [],
    });
  });

  test('always five sets: extra sets are dropped, missing ones repeat the last', () => {
    expect(boundPlan({ sets: [10, 10, 9, 9, 8, 8] }, steady)).toMatchObject({
      sets: [10, 10, 9, 9, 8],
      reasons: ['set_count'],
    });
    expect(boundPlan({ sets: [10, 9] }, steady).sets).toEqual([10, 9, 9, 9, 9]);
  });

  test('each set at least 1 and a whole number', () => {
    const result = boundPlan({ sets: [0, -3, 9.6, 8.2, 7] }, steady);
    expect(result.sets).toEqual([1, 1, 10, 8, 7]);
    expect(result.reasons).toEqual(['below_one_rep', 'not_whole_number']);
  });

  test('no set above 60, whatever the history', () => {
    const strong = { ...steady, bestSet: 60, referenceSets: [60, 60, 60, 60, 60] as Sets };
    const result = boundPlan({ sets: [61, 60, 60, 60, 60] }, { ...strong, referenceTotal: 300 });
    expect(result.sets).toEqual([60, 60, 60, 60, 60]);
    expect(result.reasons).toEqual(['above_60']);
  });

  test('no set more than two reps above the best set', () => {
    const result = boundPlan({ sets: [13, 12, 8, 7, 6] }, steady);
    expect(result.sets).toEqual([12, 12, 8, 7, 6]);
    expect(result.reasons).toEqual(['above_best_set']);
  });

  test('no set more than three reps above the same set last time', () => {
    // Best set 12 long ago allows 14; the last session's fifth set (4) allows 7.
    const lopsided = { ...steady, bestSet: 12, referenceSets: [8, 7, 6, 5, 4] as Sets };
    const result = boundPlan({ sets: [9, 8, 7, 6, 8] }, { ...lopsided, referenceTotal: 40 });
    expect(result.sets).toEqual([9, 8, 7, 6, 7]);
    expect(result.reasons).toEqual(['above_same_set']);
    // An empty set builds on the smallest set that was done (8 + 3).
    const partial = planBoundsContext({
      history: [session('2025-03-08', [10, 10, 8, 0, 0], 8)],
      plannedDate: PLANNED,
    });
    expect(planLimits(partial).maxSets).toEqual([12, 12, 11, 11, 11]);
  });

  test('a first session stays within the first-session rule: sets of at most half the max', () => {
    const first: PlanBoundsContext = { ...steady, firstSessionMax: 40 };
    expect(boundPlan({ sets: firstSessionSets(40) }, first).adjusted).toBe(false);
    const result = boundPlan({ sets: [40, 15, 15, 15, 15] }, first);
    expect(result.sets).toEqual([20, 15, 15, 15, 15]);
    expect(result.reasons).toEqual(['first_session_set']);
    const small = boundPlan({ sets: [3, 3, 3, 3, 3] }, { ...steady, firstSessionMax: 3 });
    expect(small.sets).toEqual([1, 1, 1, 1, 1]);
  });

  test('total volume at most 10 % above the last total, scaled down in proportion', () => {
    expect(planLimits(steady).maxTotal).toBe(50);
    const result = boundPlan({ sets: [12, 12, 12, 12, 11] }, steady);
    expect(result.sets).toEqual([10, 10, 10, 10, 10]);
    expect(result.reasons).toEqual(['volume_jump']);
    expect(boundPlan({ sets: [11, 10, 10, 10, 9] }, steady).adjusted).toBe(false);
  });

  test('small totals get one rep of slack', () => {
    const beginner = {
      ...steady,
      bestSet: 1,
      referenceSets: [1, 1, 1, 1, 1] as Sets,
      referenceTotal: 5,
      lastTotal: 5,
    };
    expect(planLimits(beginner).maxTotal).toBe(6);
    const result = boundPlan({ sets: [3, 3, 3, 3, 3] }, beginner);
    expect(result.sets).toEqual([2, 1, 1, 1, 1]);
    expect(result.reasons).toEqual(['volume_jump']);
  });

  test('no increase after a miss: a failed session, or sets left empty', () => {
    const failed = bound(
      [10, 10, 10, 10, 9],
      [
        session('2025-03-08', [10, 9, 8, 7, 6], null, 'failed'),
        session('2025-03-06', [9, 9, 8, 8, 8], 7),
      ],
    );
    // The level last done in full (42) is the most a plan after the miss may ask.
    expect(sum(failed.sets)).toBe(42);
    expect(failed.reasons).toEqual(['no_increase_after_miss']);
    // Completed, but two sets empty (+7 % would have passed before: only `failed` blocked it).
    const partial = bound([7, 7, 7, 6, 6], [session('2025-03-08', [10, 10, 10, 0, 0], 7)]);
    expect(sum(partial.sets)).toBe(30);
    expect(partial.reasons).toEqual(['no_increase_after_miss']);
  });

  test('after a bad miss the athlete may go back to the level last done in full', () => {
    // 40 of a failed 48 is more than 10 % below 46, the level done before it.
    const history = [
      session('2025-03-08', [10, 9, 8, 7, 6], null, 'failed', 'progress'),
      session('2025-03-06', [10, 10, 9, 9, 8], 7, 'completed', 'progress'),
    ];
    expect(bound([10, 10, 9, 9, 8], history).adjusted).toBe(false);
    // A restart after a break starts a new level: what was done before it no longer counts.
    const restarted = [
      history[0]!,
      { ...history[1]!, sets: [8, 8, 7, 7, 7] as Sets, total_reps: 37, intent: 'restart' as const },
      session('2025-02-01', [12, 12, 12, 12, 12], 7),
    ];
    expect(planBoundsContext({ history: restarted, plannedDate: PLANNED }).lastHitTotal).toBe(37);
    expect(
      planBoundsContext({
        history: [
          restarted[0]!,
          { ...restarted[1]!, status: 'failed' as const, rpe: null },
          restarted[2]!,
        ],
        plannedDate: PLANNED,
      }).lastHitTotal,
    ).toBeNull();
  });

  test('no increase in total after an RPE 9 or 10 session', () => {
    for (const lastRpe of [9, 10]) {
      const result = boundPlan({ sets: [10, 10, 10, 9, 9] }, { ...steady, lastRpe });
      expect(sum(result.sets)).toBe(46);
      expect(result.reasons).toEqual(['no_increase_after_hard_session']);
    }
    expect(boundPlan({ sets: [10, 10, 10, 9, 9] }, { ...steady, lastRpe: 8 }).adjusted).toBe(false);
  });

  test('after a deload no plan above the total before it', () => {
    const history = [
      session('2025-03-08', [6, 6, 6, 5, 5], 6, 'completed', 'deload'),
      session('2025-03-06', [10, 10, 9, 9, 8], 8, 'completed', 'progress'),
    ];
    expect(bound([10, 10, 9, 9, 8], history).adjusted).toBe(false);
    const above = bound([11, 10, 10, 10, 9], history);
    expect(sum(above.sets)).toBe(46);
    expect(above.reasons).toEqual(['above_pre_deload']);
  });

  test('after a break the restart cut is enforced: −15 % from 2 weeks, −30 % from 4', () => {
    expect([13, 14, 27, 28, 55].map(restartCut)).toEqual([0, 0.15, 0.15, 0.3, 0.3]);
    const last = [session('2025-02-20', [10, 10, 9, 9, 8], 7)];
    const twoWeeks = bound([10, 10, 9, 9, 8], last, new Date('2025-03-08T18:00:00Z'));
    expect(sum(twoWeeks.sets)).toBe(39);
    expect(twoWeeks.reasons).toEqual(['restart_cut']);
    const sixWeeks = bound([10, 10, 9, 9, 8], last, new Date('2025-04-03T18:00:00Z'));
    expect(sum(sixWeeks.sets)).toBe(32);
  });

  test('after eight weeks or more only a first session fits, from the fresh or estimated max', () => {
    const last = [session('2025-01-02', [10, 10, 9, 9, 8], 7)];
    const fresh = boundPlan(
      { sets: [10, 10, 9, 9, 8] },
      planBoundsContext({ history: last, baselineMaxReps: 8, plannedDate: PLANNED }),
    );
    expect(fresh.sets).toEqual([4, 4, 4, 4, 4]);
    expect(fresh.reasons).toEqual(['first_session_set']);
    // Without a fresh max, the best set of the last session stands in for it.
    expect(bound([10, 10, 9, 9, 8], last).sets).toEqual([5, 5, 5, 5, 5]);
  });

  test('less than 24 h of rest: at most about half the last session', () => {
    const result = boundPlan({ sets: [10, 10, 9, 9, 8] }, { ...steady, hoursSinceLast: 23.5 });
    expect(sum(result.sets)).toBe(23);
    expect(result.reasons).toEqual(['short_rest_volume']);
    expect(
      boundPlan({ sets: [10, 10, 10, 9, 9] }, { ...steady, hoursSinceLast: 24 }).adjusted,
    ).toBe(false);
  });

  test('the smallest plan is five sets of one, even after a failed session of nothing', () => {
    const nothing = {
      ...steady,
      bestSet: 0,
      referenceSets: [0, 0, 0, 0, 0] as Sets,
      referenceTotal: 0,
      lastTotal: 0,
      lastHitTotal: null,
      lastMissed: true,
    };
    expect(boundPlan({ sets: [2, 2, 2, 2, 2] }, nothing).sets).toEqual([1, 1, 1, 1, 1]);
  });

  test('an LLM plan of absurd numbers ends up a sane session', () => {
    const history = [
      session('2025-03-08', [10, 10, 9, 9, 8], 7),
      session('2025-03-06', [10, 9, 9, 8, 8], 8),
    ];
    const context = planBoundsContext({ history, plannedDate: PLANNED });
    const result = boundPlan({ sets: [999, 80, 1e9, 45, 3.7, 12, -5] }, context);
    expect(result.adjusted).toBe(true);
    expect(result.reasons).toEqual([
      'set_count',
      'above_60',
      'above_best_set',
      'not_whole_number',
      'volume_jump',
    ]);
    expect(sum(result.sets)).toBe(50);
    expect(Math.max(...result.sets)).toBeLessThanOrEqual(12);

    const garbage = boundPlan(
      { sets: [-5, 0, Number.NaN, Number.POSITIVE_INFINITY, -1e9] },
      context,
    );
    expect(garbage).toEqual({
      sets: [1, 1, 1, 1, 1],
      adjusted: true,
      reasons: ['below_one_rep', 'not_whole_number'],
    });
  });

  test('a first session needs a baseline', () => {
    expect(() => planLimits({ ...steady, referenceSets: null, referenceTotal: null })).toThrow(
      /baseline/,
    );
  });
});
