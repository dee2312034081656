import { describe, expect, test } from 'vitest';
import { aiPlanSchema } from './ai-plan-schema.ts';
import {
  CoachInputError,
  RULE_BASED_COACH_MODEL,
  addRepToLowest,
  failedStepsFrom,
  failedTarget,
  firstSessionSets,
  levelRpe,
  planNextSession,
  stepUpReps,
  type CoachInput,
} from './coach.ts';
import { boundPlan, planBoundsContext } from './plan-bounds.ts';
import { PLAN_INTENTS, type PlanIntent, type SessionRecord, type Sets } from './session-model.ts';

// Sessions at 18:00 UTC; "now" is two days after the newest unless a test says otherwise.
function session(
  day: string,
  sets: Sets,
  rpe: number | null = null,
  status: 'completed' | 'failed' = 'completed',
  extra: Partial<SessionRecord> = {},
): SessionRecord {
  return {
    session_date: `${day}T18:00:00.000Z`,
    sets,
    total_reps: sets.reduce((sum, reps) => sum + reps, 0),
    rpe,
    status,
    is_ai_generated: false,
    is_modified: false,
    ...extra,
  };
}

/** A session the coach planned, with its intent. */
function coached(
  day: string,
  sets: Sets,
  rpe: number | null,
  intent: PlanIntent,
  status: 'completed' | 'failed' = 'completed',
): SessionRecord {
  return session(day, sets, rpe, status, { is_ai_generated: true, intent });
}

const NOW = new Date('2025-03-10T18:00:00.000Z');
const DAY = 86_400_000;
const sum = (sets: readonly number[]) => sets.reduce((a, b) => a + b, 0);
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

function plan(history: SessionRecord[], extra: Partial<CoachInput> = {}) {
  return planNextSession({ history, now: NOW, ...extra });
}

/** Every plan must pass the gates an LLM's plan goes through, and cite its own numbers. */
function expectWithinGates(history: SessionRecord[], result: ReturnType<typeof plan>, at = NOW) {
  expect(aiPlanSchema.safeParse(result).success).toBe(true);
  const bounded = boundPlan(result, planBoundsContext({ history, plannedDate: at }));
  expect(bounded).toEqual({ sets: result.sets, adjusted: false, reasons: [] });
  const total = sum(result.sets);
  expect(result.comment).toContain(`${result.sets.join('-')} (${total} rep`);
}

describe('first session from a baseline max', () => {
  test('a max of 10 gives five tapering sets of at most half of it', () => {
    const result = plan([], { baselineMaxReps: 10 });
    expect(result.sets).toEqual([5, 5, 4, 4, 3]);
    expect(result).toMatchObject({ rationale: 'first_session', intent: 'first_session' });
    expect(result.comment).toContain('You can do 10 pull-ups in one set');
    expect(result.comment).toContain('topping out at 5 (50% of your max): 5-5-4-4-3 (21 reps)');
  });

  test('worked examples: 1, 3, 4, 5, 20 and 60', () => {
    expect(firstSessionSets(1)).toEqual([1, 1, 1, 1, 1]);
    expect(firstSessionSets(3)).toEqual([1, 1, 1, 1, 1]);
    expect(firstSessionSets(4)).toEqual([2, 2, 1, 1, 1]);
    expect(firstSessionSets(5)).toEqual([2, 2, 1, 1, 1]);
    expect(firstSessionSets(20)).toEqual([10, 10, 9, 9, 8]);
    expect(firstSessionSets(60)).toEqual([30, 30, 27, 27, 24]);
  });

  test('tiny maxes: singles, and the comment says what they are instead of "about half"', () => {
    const one = plan([], { baselineMaxReps: 1 });
    expect(one.comment).toContain(
      'five singles: 1-1-1-1-1 (5 reps), the smallest session there is',
    );
    const three = plan([], { baselineMaxReps: 3 });
    expect(three.sets).toEqual([1, 1, 1, 1, 1]);
    expect(three.comment).not.toMatch(/half|%/);
  });

  test('beginners (max ≤ 4) are pointed to negatives or a band for extra work', () => {
    for (const max of [1, 2, 3, 4]) {
      expect(plan([], { baselineMaxReps: max }).comment).toMatch(/negatives.*band/);
    }
    expect(plan([], { baselineMaxReps: 5 }).comment).not.toContain('negatives');
  });

  test('for every max 1..60: top set ⌊M/2⌋ (at least 1), tapering, and the cited % is true', () => {
    for (let max = 1; max <= 60; max += 1) {
      const result = plan([], { baselineMaxReps: max });
      const top = Math.max(1, Math.floor(max / 2));
      expect(result.sets[0]).toBe(top);
      expect(Math.min(...result.sets)).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < 5; i += 1) {
        expect(result.sets[i]).toBeLessThanOrEqual(result.sets[i - 1] ?? 0);
      }
      if (top > 1) expect(result.comment).toContain(`(${Math.round((top / max) * 100)}% of`);
      expect(
        boundPlan(
          result,
          planBoundsContext({ history: [], baselineMaxReps: max, plannedDate: NOW }),
        ).adjusted,
      ).toBe(false);
    }
  });

  test('without history and without a baseline it refuses', () => {
    expect(() => plan([])).toThrow(CoachInputError);
    // A first session's baseline is ignored once there is recent history.
    expect(
      plan([session('2025-03-08', [10, 10, 9, 9, 8], 7)], { baselineMaxReps: 60 }).sets,
    ).toEqual([10, 10, 10, 9, 9]);
  });
});

describe('all sets done and RPE 8 or less: a small step up', () => {
  test('the step: ~10 % at RPE ≤ 6, ~5 % at RPE 7, one rep at RPE 8 or without RPE', () => {
    expect([5, 6, 7, 8, 9].map((rpe) => stepUpReps(46, rpe))).toEqual([4, 4, 2, 1, 1]);
    expect(stepUpReps(46, null)).toBe(1);
    expect(stepUpReps(12, 5)).toBe(1);
  });

  test('RPE 7: one more rep on the two lightest sets, +4 %', () => {
    const history = [coached('2025-03-08', [10, 10, 9, 9, 8], 7, 'progress')];
    const result = plan(history);
    expect(result.sets).toEqual([10, 10, 10, 9, 9]);
    expect(result).toMatchObject({ rationale: 'step_up', intent: 'progress' });
    expect(result.comment).toContain('(10-10-9-9-8, 46 reps) at RPE 7');
    expect(result.comment).toContain(
      'adds a rep to each of the 2 lightest sets: 10-10-10-9-9 (48 reps, +4%)',
    );
    expectWithinGates(history, result);
  });

  test('RPE 5 (easy): about 10 %, still at most one rep per set', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], 5)];
    const result = plan(history);
    expect(result.sets).toEqual([11, 10, 10, 10, 9]);
    expect(result.comment).toContain('(50 reps, +9%)');
    expectWithinGates(history, result);
  });

  test('RPE 8, or no RPE recorded: a single rep, and the comment says why', () => {
    const rated = plan([session('2025-03-08', [10, 10, 9, 9, 8], 8)]);
    expect(rated.sets).toEqual([10, 10, 9, 9, 9]);
    expect(rated.comment).toContain('adds one rep: 10-10-9-9-9 (47 reps, +2%)');
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], null)];
    const result = plan(history);
    expect(result.sets).toEqual([10, 10, 9, 9, 9]);
    expect(result.comment).toContain('recorded no RPE');
    expectWithinGates(history, result);
  });

  test('a flat session moves the top up: double progression', () => {
    expect(plan([session('2025-03-08', [8, 8, 8, 8, 8], 7)]).sets).toEqual([9, 9, 8, 8, 8]);
  });

  test('addRepToLowest adds one rep to each of the lowest sets below 60, earlier first on ties', () => {
    expect(addRepToLowest([5, 5, 4, 4, 3], 2)).toEqual([5, 5, 5, 4, 4]);
    expect(addRepToLowest([60, 60, 59, 60, 58], 3)).toEqual([60, 60, 60, 60, 59]);
  });

  test('beginners: singles and doubles grow one rep at a time, with the negatives tip', () => {
    const history = [coached('2025-03-08', [2, 1, 1, 1, 1], 6, 'progress')];
    const result = plan(history);
    expect(result.sets).toEqual([2, 2, 1, 1, 1]);
    expect(result.comment).toMatch(/negatives.*band/);
    expectWithinGates(history, result);
  });

  test('the RPE of a repeated level is the mean of its last two ratings (misjudged ±1)', () => {
    const level: Sets = [10, 10, 9, 9, 8];
    const after = (rpes: number[]) =>
      rpes.map((rpe, i) => coached(`2025-03-0${8 - 2 * i}`, level, rpe, 'repeat'));
    // An easy-feeling 8 right after a 10 is not yet a level that feels easier.
    expect(levelRpe(after([8, 10]))).toBe(9);
    expect(plan(after([8, 10])).rationale).toBe('repeat_hard');
    expect(plan(after([8, 10])).comment).toContain(
      'at RPE 8, right after RPE 10 at the same sets: ratings vary by about a rep',
    );
    // A 9 after an 8 reads as 8 for the level, but the last session alone was very hard: the
    // bounds allow no increase after it, so the coach repeats (no "+0%" step).
    expect(levelRpe(after([9, 8]))).toBe(8);
    const hard = plan(after([9, 8]));
    expect(hard).toMatchObject({ rationale: 'repeat_hard', sets: level });
    expect(hard.comment).toContain('but RPE 9 means you had at most a rep in reserve');
    expectWithinGates(after([9, 8]), hard);
    // Half-way reads as the easier rating: 7 after 10, or 8 after 9, earn a one-rep step.
    expect(levelRpe(after([7, 10]))).toBe(8);
    expect(levelRpe(after([8, 9]))).toBe(8);
    expect(plan(after([8, 9])).sets).toEqual([10, 10, 9, 9, 9]);
    // A different total is a new level: its own rating counts alone.
    expect(
      levelRpe([coached('2025-03-08', [10, 10, 10, 9, 9], 7, 'progress'), ...after([10])]),
    ).toBe(7);
  });

  test('beginners step on the last rating alone and get no calendar deload', () => {
    const start = Date.parse('2025-01-01T18:00:00Z');
    const singles = Array.from({ length: 16 }, (_, i) =>
      coached(
        dayOf(start + i * 2.5 * DAY),
        [2, 2, 1, 1, 1],
        8,
        i === 0 ? 'first_session' : 'repeat',
      ),
    ).reverse();
    const at = new Date(Date.parse(singles[0]!.session_date) + 2 * DAY);
    const result = plan([{ ...singles[0]!, rpe: 7 }, ...singles.slice(1)], { now: at });
    expect(result.rationale).toBe('step_up');
    expect(result.sets).toEqual([2, 2, 2, 1, 1]);
  });
});

describe('the day after a session close to the limit: repeat, step after a rest day', () => {
  test('RPE 8 less than 48 h ago repeats the sets; 48 h later the step comes', () => {
    const history = [coached('2025-03-09', [10, 10, 9, 9, 8], 8, 'progress')];
    const result = plan(history);
    expect(result).toMatchObject({ rationale: 'repeat_recovering', intent: 'repeat' });
    expect(result.sets).toEqual([10, 10, 9, 9, 8]);
    expect(result.comment).toContain('(10-10-9-9-8, 46 reps) at RPE 8');
    expect(result.comment).toContain('only 24 hours before this one');
    expectWithinGates(history, result);
    const rested = plan(history, { now: new Date('2025-03-11T18:00:00.000Z') });
    expect(rested.rationale).toBe('step_up');
    expect(rested.sets).toEqual([10, 10, 9, 9, 9]);
  });

  test('RPE 7 or less the day before: a one-rep step only; a beginner’s small sets step as usual', () => {
    const history = [session('2025-03-09', [10, 10, 9, 9, 8], 5)];
    const result = plan(history);
    expect(result).toMatchObject({ rationale: 'step_up', sets: [10, 10, 9, 9, 9] });
    expect(result.comment).toContain(
      'at RPE 5, but your last session was only 24 hours ago, so this step is a single rep',
    );
    expect(result.comment).toContain('adds one rep: 10-10-9-9-9 (47 reps, +2%)');
    expectWithinGates(history, result);
    // Two days later the same session earns its ~10 % step.
    expect(plan(history, { now: new Date('2025-03-11T18:00:00.000Z') }).sets).toEqual([
      11, 10, 10, 10, 9,
    ]);
    expect(plan([coached('2025-03-09', [3, 3, 2, 2, 2], 8, 'progress')]).sets).toEqual([
      3, 3, 3, 2, 2,
    ]);
  });
});

describe('all sets done but very hard (RPE 9 or 10): repeat', () => {
  test.each([9, 10])('RPE %i repeats the same sets', (rpe) => {
    const history = [session('2025-03-08', [12, 11, 10, 10, 9], rpe)];
    const result = plan(history);
    expect(result.sets).toEqual([12, 11, 10, 10, 9]);
    expect(result).toMatchObject({ rationale: 'repeat_hard', intent: 'repeat' });
    expect(result.comment).toContain(`RPE ${rpe}`);
    expect(result.comment).toContain('52 reps');
    expectWithinGates(history, result);
  });
});

describe('two sessions in a row at the limit: ease off one rep', () => {
  test('RPE 9 then 10 on the same sets: one rep off the top, and the comment says why', () => {
    const history = [
      coached('2025-03-08', [12, 11, 10, 10, 9], 10, 'repeat'),
      coached('2025-03-06', [12, 11, 10, 10, 9], 9, 'progress'),
    ];
    const result = plan(history);
    expect(result.sets).toEqual([11, 11, 10, 10, 9]);
    expect(result).toMatchObject({ rationale: 'ease_off', intent: 'hold' });
    expect(result.comment).toContain('twice in a row at RPE 9 and then 10');
    expectWithinGates(history, result);
    // 9 and 9 is hard but not yet the limit: repeat.
    expect(plan([{ ...history[0]!, rpe: 9 }, history[1]!]).rationale).toBe('repeat_hard');
  });
});

describe('at the 60-rep cap', () => {
  test('every set at 60: the comment says the plan cannot add more', () => {
    const history = [session('2025-03-08', [60, 60, 60, 60, 60], 6)];
    const result = plan(history);
    expect(result.sets).toEqual([60, 60, 60, 60, 60]);
    expect(result.rationale).toBe('at_cap');
    expect(result.comment).toContain('cap of 60 reps');
    expect(result.comment).not.toMatch(/adds|\+0%/);
    expectWithinGates(history, result);
  });

  test('one set below the cap: the plan adds the one rep that is left', () => {
    const history = [session('2025-03-08', [60, 60, 60, 60, 59], 6)];
    const result = plan(history);
    expect(result.sets).toEqual([60, 60, 60, 60, 60]);
    expect(result.comment).toContain('adds one rep');
    expectWithinGates(history, result);
  });
});

describe('failed or sets missed: hold, a smaller step, then step down', () => {
  const hit = coached('2025-03-04', [10, 10, 9, 9, 8], 7, 'progress');

  test('a failed step-up holds the level last done in full', () => {
    const history = [coached('2025-03-06', [10, 10, 10, 9, 6], null, 'progress', 'failed'), hit];
    const result = plan(history);
    expect(result.sets).toEqual([10, 10, 9, 9, 8]);
    expect(result).toMatchObject({ rationale: 'hold_after_miss', intent: 'hold' });
    expect(result.comment).toContain('marked failed at 45 reps (10-10-10-9-6)');
    expect(result.comment).toContain(
      'holds at 10-10-9-9-8 (46 reps), the level you last completed in full',
    );
    expectWithinGates(history, result);
  });

  test('a step-up that fell far short (over 10 % below the level before) is held as done', () => {
    const history = [coached('2025-03-08', [10, 9, 8, 7, 6], null, 'progress', 'failed'), hit];
    const result = plan(history);
    expect(result.sets).toEqual([10, 9, 8, 7, 6]);
    expect(result.comment).toContain('holds at 10-9-8-7-6 (40 reps), what you managed');
    expectWithinGates(history, result);
  });

  test('a failed repeat is not planned again: it is held at what was done', () => {
    const history = [coached('2025-03-06', [10, 10, 9, 8, 7], null, 'repeat', 'failed'), hit];
    const result = plan(history);
    expect(result.sets).toEqual([10, 10, 9, 8, 7]);
    expect(result.comment).toContain('holds at 10-10-9-8-7 (44 reps), what you managed');
    expectWithinGates(history, result);
  });

  test('a completed session with empty sets spreads the same total over five sets', () => {
    const history = [session('2025-03-08', [10, 10, 8, 0, 0], 8)];
    const result = plan(history);
    expect(result.sets).toEqual([6, 6, 6, 5, 5]);
    expect(result.rationale).toBe('hold_after_miss');
    expect(result.comment).toContain('3 of 5 sets');
    expectWithinGates(history, result);
  });

  test('after a failed step-up the next step is smaller than the one that failed', () => {
    // 46 at RPE 7 called for +2 (48), which failed; 46 again, now at RPE 6 (a +4 step), may
    // only go to 47, one short of the target that failed.
    const history = [
      coached('2025-03-08', [10, 10, 9, 9, 8], 6, 'hold'),
      coached('2025-03-06', [10, 10, 10, 9, 6], null, 'progress', 'failed'),
      hit,
    ];
    expect(failedTarget(history, 46)).toBe(48);
    // A step planned the day after its basis was cut to one rep: that is the target missed.
    expect(
      failedTarget(
        [
          coached('2025-03-06', [11, 11, 11, 9, 8], null, 'progress', 'failed'),
          coached('2025-03-05', [11, 11, 11, 11, 11], 7, 'progress'),
        ],
        55,
      ),
    ).toBe(56);
    const result = plan(history);
    expect(result.sets).toEqual([10, 10, 9, 9, 9]);
    expect(result.comment).toContain(
      'you missed a step to 48 reps before, so this step is smaller',
    );
    expectWithinGates(history, result);
  });

  test('a second failed step-up from the same level steps down about 10 %, no sawtooth', () => {
    // 49 → 50 failed, 49 held at RPE 7, 49 → 50 failed again: 50 is beyond the athlete for now.
    const level: Sets = [10, 10, 10, 10, 9];
    const history = [
      coached('2025-03-08', [10, 10, 10, 10, 8], null, 'progress', 'failed'),
      coached('2025-03-06', level, 7, 'hold'),
      coached('2025-03-04', [10, 10, 10, 9, 8], null, 'progress', 'failed'),
      coached('2025-03-02', level, 8, 'progress'),
    ];
    expect(failedStepsFrom(history, 49)).toBe(2);
    const result = plan(history);
    expect(result).toMatchObject({ rationale: 'step_down_same_level', intent: 'step_down' });
    expect(result.sets).toEqual([9, 9, 9, 9, 8]);
    expect(result.comment).toContain(
      'A step up from 49 reps (10-10-10-10-9) has now fallen short twice',
    );
    expect(result.comment).toContain('steps down 10% to 9-9-9-9-8 (44 reps)');
    expectWithinGates(history, result);
    // Once only, it is a hold at the level; then one rep, the smallest step, tries it again
    // (and the comment does not call that a smaller step).
    expect(plan(history.slice(0, 2)).rationale).toBe('hold_after_miss');
    const retry = plan(history.slice(1));
    expect(retry).toMatchObject({ rationale: 'step_up', sets: [10, 10, 10, 10, 10] });
    expect(retry.comment).toContain(
      'you missed 50 reps once before, and one rep is the smallest step, so this plan tries it again',
    );
  });

  test('two misses in a row step down about 10 % from the level last done in full', () => {
    const history = [
      coached('2025-03-08', [10, 9, 8, 7, 6], null, 'hold', 'failed'),
      session('2025-03-06', [10, 10, 9, 8, 0], 8),
      hit,
    ];
    const result = plan(history);
    expect(result.sets).toEqual([9, 9, 8, 8, 7]);
    expect(sum(result.sets)).toBe(41);
    expect(result).toMatchObject({ rationale: 'step_down_two_misses', intent: 'step_down' });
    expect(result.comment).toContain('Your last 2 sessions fell short of the 46 reps');
    expect(result.comment).toContain('steps down 11% to 9-9-8-8-7 (41 reps)');
    expectWithinGates(history, result);
  });

  test('a failed session with nothing recorded plans the smallest session', () => {
    const history = [
      session('2025-03-08', [0, 0, 0, 0, 0], null, 'failed'),
      session('2025-03-06', [0, 0, 0, 0, 0], null, 'failed'),
    ];
    expect(plan(history).sets).toEqual([1, 1, 1, 1, 1]);
  });
});

/** Sessions every `everyDays` from `from`, oldest first in time, returned newest first. */
function block(
  from: string,
  count: number,
  everyDays: number,
  make: (i: number) => SessionRecord['sets'],
  intent: PlanIntent = 'progress',
  rpe = 7,
) {
  const start = Date.parse(`${from}T18:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    coached(dayOf(start + i * everyDays * DAY), make(i), rpe, i === 0 ? 'first_session' : intent),
  ).reverse();
}

describe('deloads: by the calendar or by fatigue, recognised by intent', () => {
  const rising = (i: number): Sets => {
    let sets: Sets = [8, 8, 7, 7, 6];
    for (let k = 0; k < i; k += 1) sets = addRepToLowest(sets, 1);
    return sets;
  };

  test('five weeks after the first session: a ~60 % deload of the last full session', () => {
    const history = block('2025-01-01', 15, 2.5, rising); // 35 days from first to last
    const at = new Date(Date.parse(history[0]!.session_date) + 2 * DAY);
    const result = plan(history, { now: at });
    expect(result).toMatchObject({ rationale: 'deload_calendar', intent: 'deload' });
    expect(sum(result.sets)).toBe(Math.floor(history[0]!.total_reps * 0.6));
    expect(result.comment).toContain('You have trained for 5 weeks and 2 days since your last');
    expect(history[0]!.total_reps).toBe(50);
    expect(result.comment).toContain('6-6-6-6-6 (30 reps, 60% of it)');
    expectWithinGates(history, result, at);
  });

  test('at four sessions a week the calendar still counts: no deload in 3 weeks, nor a forgotten one', () => {
    // 16 sessions in four weeks: ten would have filled the old window and forced a deload.
    const history = block('2025-01-01', 13, 1.75, rising);
    const at = new Date(Date.parse(history[0]!.session_date) + 2 * DAY);
    expect(plan(history, { now: at }).rationale).toBe('step_up');
    // A deload 30 days back, 16 sessions ago (outside any ten-session window), still counts.
    const since = block('2025-02-01', 17, 1.75, (i) => rising(i + 2)).map((s, i, all) =>
      i === all.length - 1 ? { ...s, intent: 'deload' as const, sets: [6, 6, 5, 5, 5] as Sets } : s,
    );
    const later = new Date(Date.parse(since[0]!.session_date) + 1.75 * DAY);
    expect(plan(since, { now: later }).rationale).toBe('step_up');
  });

  test('a deload rated RPE 8, or at the five-singles floor, is no stall: the athlete resumes', () => {
    const history = [
      coached('2025-03-08', [6, 6, 6, 5, 5], 8, 'deload'),
      coached('2025-03-06', [10, 10, 9, 9, 8], 9, 'repeat'),
      coached('2025-03-04', [10, 10, 9, 9, 8], 9, 'repeat'),
      coached('2025-03-02', [10, 10, 9, 9, 8], 8, 'progress'),
    ];
    const resumed = plan(history);
    expect(resumed.sets).toEqual([10, 10, 9, 9, 8]);
    expect(resumed).toMatchObject({ rationale: 'resume_after_deload', intent: 'repeat' });
    expect(resumed.comment).toContain('Your last session was a deload, after 10-10-9-9-8, 46 reps');
    expectWithinGates(history, resumed);

    const floor = [
      coached('2025-03-08', [1, 1, 1, 1, 1], 6, 'deload'),
      coached('2025-03-06', [2, 2, 1, 1, 1], 8, 'progress'),
    ];
    expect(plan(floor).sets).toEqual([2, 2, 1, 1, 1]);

    const next = [coached('2025-03-10', [10, 10, 9, 9, 8], 7, 'repeat'), ...history];
    const progressed = plan(next, { now: new Date('2025-03-12T18:00:00Z') });
    expect(progressed.rationale).toBe('step_up');
  });

  test('three RPE-9 repeats within four weeks of the last deload are not a stall', () => {
    const history = [
      coached('2025-03-08', [10, 10, 9, 9, 8], 9, 'repeat'),
      coached('2025-03-06', [10, 10, 9, 9, 8], 9, 'repeat'),
      coached('2025-03-04', [10, 10, 9, 9, 8], 9, 'progress'),
      coached('2025-02-20', [6, 6, 5, 5, 5], 6, 'deload'),
    ];
    expect(plan(history).rationale).toBe('repeat_hard');
  });

  test('fatigue four weeks after the last deload: three hard sessions, or two misses of three', () => {
    const hard = [
      coached('2025-03-08', [10, 10, 9, 9, 8], 9, 'repeat'),
      coached('2025-03-06', [10, 10, 9, 9, 8], 10, 'repeat'),
      coached('2025-03-04', [10, 10, 9, 9, 8], 9, 'progress'),
      coached('2025-02-08', [6, 6, 5, 5, 5], 6, 'deload'),
    ];
    const tired = plan(hard);
    expect(tired).toMatchObject({ rationale: 'deload_fatigue', intent: 'deload' });
    expect(tired.comment).toContain('your last 3 sessions were rated RPE 9 or harder');
    expectWithinGates(hard, tired);

    const misses = [
      coached('2025-03-08', [10, 10, 9, 8, 6], null, 'hold', 'failed'),
      coached('2025-03-06', [10, 10, 9, 9, 8], 8, 'hold'),
      coached('2025-03-04', [10, 10, 10, 8, 7], null, 'progress', 'failed'),
      coached('2025-02-08', [6, 6, 5, 5, 5], 6, 'deload'),
    ];
    const result = plan(misses);
    expect(result.rationale).toBe('deload_fatigue');
    expect(result.comment).toContain('2 of your last 3 sessions fell short');
    expect(sum(result.sets)).toBe(27);
  });

  test('sooner than four weeks only if the athlete keeps failing (three misses in a row)', () => {
    const threeMisses = [
      coached('2025-03-08', [9, 9, 8, 7, 5], null, 'step_down', 'failed'),
      coached('2025-03-06', [10, 10, 9, 8, 6], null, 'hold', 'failed'),
      coached('2025-03-04', [10, 10, 10, 9, 7], null, 'progress', 'failed'),
      coached('2025-03-02', [10, 10, 9, 9, 8], 8, 'progress'),
      coached('2025-02-25', [6, 6, 5, 5, 5], 6, 'deload'),
    ];
    expect(plan(threeMisses.slice(1)).rationale).toBe('step_down_two_misses');
    const result = plan(threeMisses);
    expect(result.rationale).toBe('deload_fatigue');
  });
});

describe('back after a break', () => {
  const last = coached('2025-02-20', [10, 10, 9, 9, 8], 7, 'progress');

  test('2–4 weeks: restart 15 % below the last level', () => {
    const result = plan([last], { now: new Date('2025-03-08T18:00:00Z') });
    expect(result.sets).toEqual([8, 8, 8, 8, 7]);
    expect(sum(result.sets)).toBe(39);
    expect(result).toMatchObject({ rationale: 'restart_after_break', intent: 'restart' });
    expect(result.comment).toContain('It has been 2 weeks and 2 days since your last session');
    expect(result.comment).toContain('Restart 15% lower at 8-8-8-8-7 (39 reps)');
  });

  test('4–8 weeks: 30 % below', () => {
    const result = plan([last], { now: new Date('2025-03-25T18:00:00Z') });
    expect(sum(result.sets)).toBe(32);
    expect(result.comment).toContain('4 weeks and 5 days');
    expect(result.comment).toContain('30% lower');
  });

  test('8 weeks or more: a fresh start from a new max, as a first session', () => {
    const at = new Date('2025-04-20T18:00:00Z');
    const fresh = plan([last], { now: at, baselineMaxReps: 8 });
    expect(fresh.sets).toEqual([4, 4, 3, 3, 2]);
    expect(fresh).toMatchObject({ rationale: 'retest_after_long_break', intent: 'retest' });
    expect(fresh.comment).toContain('from the max you gave (8)');
    expectWithinGates([last], fresh, at);
    // Without one, the last best set stands in, and the comment asks for a fresh max.
    const estimated = plan([last], { now: at });
    expect(estimated.sets).toEqual([5, 5, 4, 4, 3]);
    expect(estimated.comment).toContain('Test your one-set max');
  });

  test('the restart builds on the working level, not on a deload', () => {
    const history = [coached('2025-02-20', [6, 6, 5, 5, 5], 6, 'deload'), last];
    const result = plan(history, { now: new Date('2025-03-08T18:00:00Z') });
    expect(sum(result.sets)).toBe(39);
  });

  test('13 days is not a break yet', () => {
    expect(plan([last], { now: new Date('2025-03-05T18:00:00Z') }).rationale).toBe('step_up');
  });
});

describe('less than 24 h since the last session', () => {
  const now = new Date('2025-03-09T08:00:00Z'); // 14 h after the last session

  test('about half the volume, and the comment says how long it has been', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], 7)];
    const result = plan(history, { now });
    expect(result.sets).toEqual([5, 5, 5, 4, 4]);
    expect(result).toMatchObject({ rationale: 'short_rest', intent: 'short_rest' });
    expect(result.comment).toContain(
      'Your last session (10-10-9-9-8, 46 reps at RPE 7) was only 14 hours before this one.',
    );
    expectWithinGates(history, result, now);
  });

  test('a failed session is never repeated then', () => {
    const history = [
      session('2025-03-08', [10, 9, 8, 7, 6], null, 'failed'),
      session('2025-03-06', [10, 10, 9, 8, 8], 8),
    ];
    const result = plan(history, { now });
    expect(sum(result.sets)).toBe(20);
    expectWithinGates(history, result, now);
  });

  test('the next plan builds on the session before the short-rest one', () => {
    const history = [
      coached('2025-03-09', [5, 5, 5, 4, 4], 5, 'short_rest'),
      session('2025-03-08', [10, 10, 9, 9, 8], 7),
    ];
    const result = plan(history, { now: new Date('2025-03-11T18:00:00Z') });
    expect(result.sets).toEqual([10, 10, 10, 9, 9]);
  });

  test('the planned date, when given, is what rest is measured to', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], 7)];
    const result = plan(history, { now, plannedDate: new Date('2025-03-09T18:00:00Z') });
    expect(result.rationale).toBe('step_up');
  });
});

describe('always safe: five sets, 1..60, near the best set, a 2–3 sentence comment', () => {
  test('no set is planned more than two reps above the best set', () => {
    const history = [
      session('2025-03-08', [4, 4, 4, 4, 4], 5),
      session('2025-03-01', [7, 3, 3, 3, 3], 7),
    ];
    const result = plan(history);
    expect(Math.max(...result.sets)).toBeLessThanOrEqual(7 + 2);
    expectWithinGates(history, result);
  });

  test('random histories with random intents: within the bounds, the comment true to the plan', () => {
    // mulberry32, seeded: the same histories on every run.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const intents: (PlanIntent | null)[] = [null, ...PLAN_INTENTS];
    const seen = new Set<string>();
    for (let run = 0; run < 400; run += 1) {
      const count = 1 + random(30);
      const history: SessionRecord[] = [];
      let time = Date.parse('2025-03-08T18:00:00Z');
      for (let i = 0; i < count; i += 1) {
        const level = 1 + random(40);
        const sets = [0, 1, 2, 3, 4].map(() =>
          random(8) === 0 ? 0 : Math.max(1, level - random(4)),
        ) as Sets;
        const failed = random(5) === 0;
        const status = failed ? 'failed' : sets.some((r) => r > 0) ? 'completed' : 'failed';
        history.push(
          session(
            dayOf(time),
            sets,
            status === 'completed' && random(4) > 0 ? 1 + random(10) : null,
            status,
            { intent: intents[random(intents.length)] ?? null },
          ),
        );
        time -= (1 + random(random(10) === 0 ? 40 : 5)) * DAY;
      }
      const hours = random(8) === 0 ? 6 + random(18) : 24 + random(random(6) === 0 ? 2000 : 200);
      const now = new Date(Date.parse('2025-03-08T18:00:00Z') + hours * 3_600_000);
      const result = plan(history, { now });
      seen.add(result.rationale);
      expect(result.sets).toHaveLength(5);
      for (const reps of result.sets) {
        expect(Number.isInteger(reps)).toBe(true);
        expect(reps).toBeGreaterThanOrEqual(1);
        expect(reps).toBeLessThanOrEqual(60);
      }
      expectWithinGates(history, result, now);
      for (const match of result.comment.matchAll(/([+-]?\d+)%/g)) {
        expect(Math.abs(Number(match[1]))).toBeLessThanOrEqual(100);
      }
    }
    // The random histories reach (nearly) every rule.
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });

  test('the same history always gives the same plan', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], 7)];
    expect(plan(history)).toEqual(plan(history));
  });
});

describe('the comment', () => {
  test('notes when the athlete changed the last AI plan', () => {
    const history = [
      session('2025-03-08', [10, 10, 9, 9, 8], 7, 'completed', {
        is_ai_generated: true,
        is_modified: true,
      }),
    ];
    expect(plan(history).comment).toContain('You changed my last plan');
    expect(plan(history, { lastPlanModified: false }).comment).not.toContain('You changed');
  });

  test('keeps to three sentences when notes apply', () => {
    const history = [
      session('2025-03-08', [2, 2, 1, 1, 0], null, 'failed', {
        is_ai_generated: true,
        is_modified: true,
      }),
    ];
    const result = plan(history);
    expect(result.comment).toContain('You changed');
    expect(result.comment).not.toContain('negatives');
    expectWithinGates(history, result);
  });

  test('the model name says which rules planned it', () => {
    expect(RULE_BASED_COACH_MODEL).toBe('rule-based-coach-v2');
  });
});
