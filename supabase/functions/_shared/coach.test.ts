import { describe, expect, test } from 'vitest';
import { aiPlanSchema } from './ai-plan-schema.ts';
import {
  CoachInputError,
  RULE_BASED_COACH_MODEL,
  addRepToLowest,
  firstSessionSets,
  planNextSession,
  type CoachInput,
} from './coach.ts';
import { boundPlan, planBoundsContext } from './plan-bounds.ts';
import type { SessionRecord, Sets } from './session-rules.ts';

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

const NOW = new Date('2025-03-10T18:00:00.000Z');
const sum = (sets: readonly number[]) => sets.reduce((a, b) => a + b, 0);

function plan(history: SessionRecord[], extra: Partial<CoachInput> = {}) {
  return planNextSession({ history, now: NOW, ...extra });
}

/** Every plan must also pass the gates an LLM's plan goes through. */
function expectWithinGates(history: SessionRecord[], result: ReturnType<typeof plan>, at = NOW) {
  expect(aiPlanSchema.safeParse({ sets: result.sets, comment: result.comment }).success).toBe(true);
  const bounded = boundPlan(result, planBoundsContext({ history, plannedDate: at }));
  expect(bounded).toEqual({ sets: result.sets, adjusted: false, reasons: [] });
}

describe('first session from a baseline max', () => {
  test('a max of 10 gives five tapering sets around half of it', () => {
    const result = plan([], { baselineMaxReps: 10 });
    expect(result.sets).toEqual([5, 5, 4, 4, 3]);
    expect(result.rationale).toBe('first_session');
    expect(result.comment).toContain('10 pull-ups');
    expect(result.comment).toContain('5-5-4-4-3 (21 reps)');
  });

  test('worked examples: 1, 3, 20 and 60', () => {
    expect(firstSessionSets(1)).toEqual([1, 1, 1, 1, 1]);
    expect(firstSessionSets(3)).toEqual([2, 2, 1, 1, 1]);
    expect(firstSessionSets(20)).toEqual([10, 10, 9, 9, 8]);
    expect(firstSessionSets(60)).toEqual([30, 30, 27, 27, 24]);
  });

  test('for every max 1..60: top set about M/2, never above M, tapering, all at least 1', () => {
    for (let max = 1; max <= 60; max += 1) {
      const result = plan([], { baselineMaxReps: max });
      const [top] = result.sets;
      expect(Math.abs((top ?? 0) - max / 2)).toBeLessThanOrEqual(0.5 + (max === 1 ? 0.5 : 0));
      expect(Math.max(...result.sets)).toBeLessThanOrEqual(max);
      expect(Math.min(...result.sets)).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < 5; i += 1) {
        expect(result.sets[i]).toBeLessThanOrEqual(result.sets[i - 1] ?? 0);
      }
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
    // A first session's baseline is ignored once there is history.
    expect(
      plan([session('2025-03-08', [10, 10, 9, 9, 8], 7)], { baselineMaxReps: 60 }).sets,
    ).toEqual([10, 10, 10, 9, 9]);
  });
});

describe('all sets done and RPE 8 or less: a small step up', () => {
  test('RPE 7: one more rep on the two lightest sets, +4 %', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], 7)];
    const result = plan(history);
    expect(result.sets).toEqual([10, 10, 10, 9, 9]);
    expect(result.rationale).toBe('step_up');
    expect(result.comment).toContain('10-10-9-9-8, 46 reps');
    expect(result.comment).toContain('RPE 7');
    expect(result.comment).toContain('10-10-10-9-9 (48 reps, +4%)');
    expectWithinGates(history, result);
  });

  test('RPE 5 (easy): up to ~10 %, still at most one rep per set', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], 5)];
    const result = plan(history);
    expect(result.sets).toEqual([11, 10, 10, 10, 9]);
    expect(sum(result.sets)).toBeLessThanOrEqual(46 * 1.1);
    expectWithinGates(history, result);
  });

  test('RPE 8 on small numbers: the +1 rep slack still allows growth', () => {
    const history = [session('2025-03-08', [2, 2, 1, 1, 1], 8)];
    expect(plan(history).sets).toEqual([2, 2, 2, 1, 1]);
  });

  test('no RPE recorded: a single rep, and the comment says why', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], null)];
    const result = plan(history);
    expect(result.sets).toEqual([10, 10, 9, 9, 9]);
    expect(result.comment).toContain('recorded no RPE');
    expectWithinGates(history, result);
  });

  test('a flat session moves the top up: double progression', () => {
    const history = [session('2025-03-08', [8, 8, 8, 8, 8], 7)];
    expect(plan(history).sets).toEqual([9, 9, 8, 8, 8]);
  });

  test('addRepToLowest adds one rep to each of the lowest sets, earlier first on ties', () => {
    expect(addRepToLowest([10, 10, 10, 10, 6], 2)).toEqual([11, 10, 10, 10, 7]);
    expect(addRepToLowest([5, 5, 5, 5, 5], 5)).toEqual([6, 6, 6, 6, 6]);
  });
});

describe('all sets done but very hard (RPE 9 or 10): repeat', () => {
  test.each([9, 10])('RPE %i repeats the same sets', (rpe) => {
    const history = [session('2025-03-08', [12, 11, 10, 10, 9], rpe)];
    const result = plan(history);
    expect(result.sets).toEqual([12, 11, 10, 10, 9]);
    expect(result.rationale).toBe('repeat_hard');
    expect(result.comment).toContain(`RPE ${rpe}`);
    expect(result.comment).toContain('52 reps');
    expectWithinGates(history, result);
  });
});

describe('failed or sets missed: hold, then step down', () => {
  test('a failed session is held at what was done', () => {
    const history = [
      session('2025-03-08', [10, 9, 8, 7, 6], null, 'failed'),
      session('2025-03-06', [10, 10, 9, 9, 8], 7),
    ];
    const result = plan(history);
    expect(result.sets).toEqual([10, 9, 8, 7, 6]);
    expect(result.rationale).toBe('hold_after_miss');
    expect(result.comment).toContain('marked failed at 40 reps');
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

  test('two misses in a row step down about 10 % from the last total', () => {
    const history = [
      session('2025-03-08', [10, 9, 8, 7, 6], null, 'failed'),
      session('2025-03-06', [10, 10, 9, 8, 0], 8),
      session('2025-03-04', [10, 10, 9, 9, 8], 7),
    ];
    const result = plan(history);
    expect(result.sets).toEqual([9, 8, 7, 6, 6]);
    expect(sum(result.sets)).toBe(36);
    expect(result.rationale).toBe('step_down_two_misses');
    expect(result.comment).toContain('40 and 37 reps');
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

describe('deloads', () => {
  const stalled = [
    session('2025-03-08', [10, 10, 9, 9, 8], 9),
    session('2025-03-06', [10, 10, 9, 9, 8], 9),
    session('2025-03-04', [10, 10, 9, 9, 7], 9),
    session('2025-03-02', [10, 10, 9, 9, 8], 8),
  ];

  test('three sessions without beating the total before them: a ~60 % deload', () => {
    const result = plan(stalled);
    expect(result.sets).toEqual([6, 6, 6, 5, 5]);
    expect(result.rationale).toBe('deload_stall');
    expect(result.comment).toContain('46, 46, 45 reps');
    expect(result.comment).toContain('the 46 reps before them');
    expectWithinGates(stalled, result);
  });

  test('two sessions without progress are not yet a stall', () => {
    expect(plan(stalled.slice(0, 3)).rationale).toBe('repeat_hard');
  });

  test('after the deload the athlete resumes the level before it, then progresses again', () => {
    const afterDeload = [session('2025-03-10', [6, 6, 6, 5, 5], 6), ...stalled];
    const resumed = plan(afterDeload, { now: new Date('2025-03-12T18:00:00Z') });
    expect(resumed.sets).toEqual([10, 10, 9, 9, 8]);
    expect(resumed.rationale).toBe('resume_after_deload');
    expect(resumed.comment).toContain('lighter one (28 reps) after 46 reps');
    expectWithinGates(afterDeload, resumed, new Date('2025-03-12T18:00:00Z'));

    const afterResume = [session('2025-03-12', [10, 10, 9, 9, 8], 8), ...afterDeload];
    const next = plan(afterResume, { now: new Date('2025-03-14T18:00:00Z') });
    expect(next.rationale).toBe('step_up');
    expect(next.sets).toEqual([10, 10, 10, 9, 9]);
  });

  // Ten sessions, each one rep more than the one before.
  function rising(everyDays: number): SessionRecord[] {
    const start = Date.parse('2025-01-01T18:00:00Z');
    const sessions: SessionRecord[] = [];
    let sets: Sets = [8, 8, 7, 7, 6];
    for (let i = 0; i < 10; i += 1) {
      const day = new Date(start + i * everyDays * 86_400_000).toISOString().slice(0, 10);
      sessions.unshift(session(day, sets, 7));
      sets = addRepToLowest(sets, 1);
    }
    return sessions;
  }

  test('about five weeks of steady increases: a deload', () => {
    const history = rising(4); // 36 days from first to last
    const now = new Date(Date.parse(history[0]?.session_date ?? '') + 2 * 86_400_000);
    const result = plan(history, { now });
    expect(history[0]?.total_reps).toBe(45);
    expect(result.rationale).toBe('deload_block');
    expect(sum(result.sets)).toBe(27);
    expect(result.comment).toContain('5 weeks, from 36 to 45 reps');
    expectWithinGates(history, result, now);
  });

  test('ten progressing sessions at three a week (the whole window) also call for a deload', () => {
    const history = rising(2.5); // 22.5 days
    const now = new Date(Date.parse(history[0]?.session_date ?? '') + 2 * 86_400_000);
    expect(plan(history, { now }).rationale).toBe('deload_block');
  });

  test('ten progressing sessions in under three weeks keep progressing', () => {
    const history = rising(2); // 18 days
    const now = new Date(Date.parse(history[0]?.session_date ?? '') + 2 * 86_400_000);
    expect(plan(history, { now }).rationale).toBe('step_up');
  });
});

describe('back after a break', () => {
  const last = session('2025-02-20', [10, 10, 9, 9, 8], 7);

  test('two weeks or more: restart about 10 % below the last level', () => {
    const result = plan([last], { now: new Date('2025-03-08T18:00:00Z') });
    expect(result.sets).toEqual([9, 9, 8, 8, 7]);
    expect(result.rationale).toBe('restart_after_break');
    expect(result.comment).toContain('16 days since your last session (10-10-9-9-8, 46 reps)');
  });

  test('four weeks or more: about 20 % below', () => {
    const result = plan([last], { now: new Date('2025-03-25T18:00:00Z') });
    expect(result.sets).toEqual([8, 8, 7, 7, 7]);
    expect(sum(result.sets)).toBe(37);
    expect(result.comment).toContain('33 days');
  });

  test('13 days is not a break yet', () => {
    expect(plan([last], { now: new Date('2025-03-05T18:00:00Z') }).rationale).toBe('step_up');
  });
});

describe('less than 24 h since the last session', () => {
  const now = new Date('2025-03-09T08:00:00Z'); // 14 h after the last session

  test('a step up becomes a hold, and the comment says how long it has been', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], 7)];
    const result = plan(history, { now });
    expect(result.sets).toEqual([10, 10, 9, 9, 8]);
    expect(result.rationale).toBe('hold_short_rest');
    expect(result.comment).toContain(
      'Your last session (10-10-9-9-8, 46 reps at RPE 7) was only 14 hours before this one.',
    );
    expectWithinGates(history, result, now);
  });

  test('a lighter plan stays lighter and still mentions the short rest', () => {
    const history = [
      session('2025-03-08', [10, 9, 8, 7, 6], null, 'failed'),
      session('2025-03-06', [10, 10, 9, 8, 0], 8),
    ];
    const result = plan(history, { now });
    expect(result.rationale).toBe('step_down_two_misses');
    expect(sum(result.sets)).toBe(36);
    expect(result.comment).toContain('Only 14 hours have passed');
  });

  test('the planned date, when given, is what rest is measured to', () => {
    const history = [session('2025-03-08', [10, 10, 9, 9, 8], 7)];
    const result = plan(history, { now, plannedDate: new Date('2025-03-09T18:00:00Z') });
    expect(result.rationale).toBe('step_up');
  });
});

describe('always safe: five sets, 1..60, near the best set, a 2–3 sentence comment', () => {
  test('at the top of the range no set passes 60', () => {
    const history = [session('2025-03-08', [60, 60, 60, 60, 59], 6)];
    const result = plan(history);
    expect(result.sets).toEqual([60, 60, 60, 60, 60]);
    expectWithinGates(history, result);
  });

  test('no set is planned more than two reps above the best set', () => {
    // A lopsided history: a weak last session after a strong single set long ago.
    const history = [
      session('2025-03-08', [4, 4, 4, 4, 4], 5),
      session('2025-03-01', [7, 3, 3, 3, 3], 7),
    ];
    const result = plan(history);
    expect(Math.max(...result.sets)).toBeLessThanOrEqual(7 + 2);
    expectWithinGates(history, result);
  });

  test('random histories never produce a plan the bounds would change', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let run = 0; run < 300; run += 1) {
      const count = 1 + random(10);
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
            new Date(time).toISOString().slice(0, 10),
            sets,
            status === 'completed' && random(4) > 0 ? 1 + random(10) : null,
            status,
          ),
        );
        time -= (1 + random(6)) * 86_400_000;
      }
      const now = new Date(Date.parse('2025-03-08T18:00:00Z') + (6 + random(500)) * 3_600_000);
      const result = plan(history, { now });
      expect(result.sets).toHaveLength(5);
      for (const reps of result.sets) {
        expect(Number.isInteger(reps)).toBe(true);
        expect(reps).toBeGreaterThanOrEqual(1);
        expect(reps).toBeLessThanOrEqual(60);
      }
      expectWithinGates(history, result, now);
    }
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

  test('keeps to three sentences when both notes apply', () => {
    const history = [
      session('2025-03-08', [10, 9, 8, 7, 6], null, 'failed', {
        is_ai_generated: true,
        is_modified: true,
      }),
    ];
    const result = plan(history, { now: new Date('2025-03-09T08:00:00Z') });
    expect(result.comment).toContain('Only 14 hours');
    expect(result.comment).not.toContain('You changed');
    expectWithinGates(history, result, new Date('2025-03-09T08:00:00Z'));
  });

  test('the model name is stable', () => {
    expect(RULE_BASED_COACH_MODEL).toBe('rule-based-coach-v1');
  });
});
