import { describe, expect, test } from 'vitest';
import { boundPlan, planBoundsContext, planLimits, type PlanBoundsContext } from './plan-bounds.ts';
import type { SessionRecord, Sets } from './session-rules.ts';

function session(
  day: string,
  sets: Sets,
  rpe: number | null = null,
  status: 'completed' | 'failed' = 'completed',
): SessionRecord {
  return {
    session_date: `${day}T18:00:00.000Z`,
    sets,
    total_reps: sets.reduce((sum, reps) => sum + reps, 0),
    rpe,
    status,
    is_ai_generated: false,
    is_modified: false,
  };
}

const PLANNED = new Date('2025-03-10T18:00:00.000Z');
const sum = (sets: readonly number[]) => sets.reduce((a, b) => a + b, 0);

// Last session 46 reps at RPE 7, best set 10, two days ago.
const steady: PlanBoundsContext = {
  bestSet: 10,
  lastTotal: 46,
  referenceTotal: 46,
  lastFailed: false,
  lastRpe: 7,
  hoursSinceLast: 48,
};

describe('planBoundsContext reads the history', () => {
  test('best set, totals, failure, RPE and rest are taken from the newest finished session', () => {
    const context = planBoundsContext({
      history: [
        session('2025-03-06', [12, 10, 9, 9, 8], 7),
        session('2025-03-09', [10, 9, 8, 7, 6], null, 'failed'),
        { ...session('2025-03-10', [20, 20, 20, 20, 20]), status: 'planned' },
      ],
      plannedDate: PLANNED,
    });
    expect(context).toEqual({
      bestSet: 12,
      lastTotal: 40,
      referenceTotal: 40,
      lastFailed: true,
      lastRpe: null,
      hoursSinceLast: 24,
    });
  });

  test('after a deload, growth is measured from the session before it', () => {
    const context = planBoundsContext({
      history: [
        session('2025-03-08', [6, 6, 6, 5, 5], 6),
        session('2025-03-06', [10, 10, 9, 9, 8], 9),
      ],
      plannedDate: PLANNED,
    });
    expect(context.lastTotal).toBe(28);
    expect(context.referenceTotal).toBe(46);
    expect(planLimits(context).maxTotal).toBe(50);
  });

  test('without history only the baseline is known', () => {
    expect(planBoundsContext({ history: [], baselineMaxReps: 8, plannedDate: PLANNED })).toEqual({
      baselineMaxReps: 8,
      bestSet: null,
      lastTotal: null,
      referenceTotal: null,
      lastFailed: false,
      lastRpe: null,
      hoursSinceLast: null,
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
    expect(boundPlan({ sets: [10, 10, 9, 9, 8, 8, 8] }, steady)).toEqual({
      sets: [10, 10, 9, 9, 8],
      adjusted: true,
      reasons: ['set_count'],
    });
    expect(boundPlan({ sets: [10, 9] }, steady).sets).toEqual([10, 9, 9, 9, 9]);
    expect(boundPlan({ sets: [] }, steady).sets).toEqual([1, 1, 1, 1, 1]);
  });

  test('each set at least 1 and a whole number', () => {
    const result = boundPlan({ sets: [0, -3, 7.6, Number.NaN, 9] }, steady);
    expect(result.sets).toEqual([1, 1, 8, 1, 9]);
    expect(result.reasons).toEqual(['below_one_rep', 'not_whole_number']);
  });

  test('no set above 60, whatever the history', () => {
    const strong = { ...steady, bestSet: 60, lastTotal: 300, referenceTotal: 300 };
    const result = boundPlan({ sets: [61, 60, 60, 60, 60] }, strong);
    expect(result.sets).toEqual([60, 60, 60, 60, 60]);
    expect(result.reasons).toEqual(['above_60']);
  });

  test('no set more than two reps above the best set', () => {
    const result = boundPlan({ sets: [13, 12, 8, 7, 6] }, steady);
    expect(result.sets).toEqual([12, 12, 8, 7, 6]);
    expect(result.reasons).toEqual(['above_best_set']);
  });

  test('a first session stays within the baseline max and five sets of half of it', () => {
    const first: PlanBoundsContext = {
      ...steady,
      bestSet: null,
      lastTotal: null,
      baselineMaxReps: 8,
    };
    expect(boundPlan({ sets: [4, 4, 3, 3, 2] }, first).adjusted).toBe(false);
    const result = boundPlan({ sets: [9, 8, 8, 8, 8] }, first);
    expect(result.sets).toEqual([4, 4, 4, 4, 4]);
    expect(result.reasons).toEqual(['above_baseline', 'first_session_volume']);
  });

  test('total volume at most 10 % above the last total, scaled down in proportion', () => {
    expect(planLimits(steady).maxTotal).toBe(50);
    const result = boundPlan({ sets: [12, 12, 12, 12, 12] }, steady);
    expect(result.sets).toEqual([10, 10, 10, 10, 10]);
    expect(result.reasons).toEqual(['volume_jump']);
    expect(boundPlan({ sets: [11, 10, 10, 10, 9] }, steady).adjusted).toBe(false);
  });

  test('small totals get one rep of slack', () => {
    const beginner = { ...steady, bestSet: 1, lastTotal: 5, referenceTotal: 5 };
    expect(planLimits(beginner).maxTotal).toBe(6);
    const result = boundPlan({ sets: [3, 3, 3, 3, 3] }, beginner);
    expect(result.sets).toEqual([2, 1, 1, 1, 1]);
    expect(result.reasons).toEqual(['volume_jump']);
  });

  test('no increase in total after a failed session', () => {
    const failed = {
      ...steady,
      lastTotal: 40,
      referenceTotal: 40,
      lastFailed: true,
      lastRpe: null,
    };
    const result = boundPlan({ sets: [10, 10, 9, 9, 8] }, failed);
    expect(sum(result.sets)).toBe(40);
    expect(result.sets).toEqual([9, 8, 8, 8, 7]);
    expect(result.reasons).toEqual(['no_increase_after_failure']);
  });

  test('no increase in total after an RPE 9 or 10 session', () => {
    for (const lastRpe of [9, 10]) {
      const result = boundPlan({ sets: [10, 10, 10, 9, 9] }, { ...steady, lastRpe });
      expect(sum(result.sets)).toBe(46);
      expect(result.reasons).toEqual(['no_increase_after_hard_session']);
    }
    expect(boundPlan({ sets: [10, 10, 10, 9, 9] }, { ...steady, lastRpe: 8 }).adjusted).toBe(false);
  });

  test('never more volume with less than 24 h of rest', () => {
    const result = boundPlan({ sets: [10, 10, 10, 9, 9] }, { ...steady, hoursSinceLast: 23.5 });
    expect(sum(result.sets)).toBe(46);
    expect(result.reasons).toEqual(['no_increase_short_rest']);
    expect(
      boundPlan({ sets: [10, 10, 10, 9, 9] }, { ...steady, hoursSinceLast: 24 }).adjusted,
    ).toBe(false);
  });

  test('the smallest plan is five sets of one, even after a failed session of nothing', () => {
    const nothing = { ...steady, bestSet: 0, lastTotal: 0, referenceTotal: 0, lastFailed: true };
    expect(boundPlan({ sets: [2, 2, 2, 2, 2] }, nothing).sets).toEqual([1, 1, 1, 1, 1]);
  });

  test('an LLM plan of absurd numbers ends up a sane session', () => {
    const history = [
      session('2025-03-08', [10, 10, 9, 9, 8], 7),
      session('2025-03-06', [10, 9, 9, 8, 8], 8),
    ];
    const context = planBoundsContext({ history, plannedDate: PLANNED });
    const result = boundPlan({ sets: [999, 80, 1e9, 45, 3.7, 12, -5] }, context);
    expect(result).toEqual({
      sets: [12, 12, 11, 11, 4],
      adjusted: true,
      reasons: ['set_count', 'above_60', 'above_best_set', 'not_whole_number', 'volume_jump'],
    });
    expect(sum(result.sets)).toBe(50);

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
    expect(() => planLimits({ ...steady, bestSet: null, lastTotal: null })).toThrow(/baseline/);
  });
});
