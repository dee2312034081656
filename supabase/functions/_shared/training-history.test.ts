import { describe, expect, test } from 'vitest';
import type { PlanIntent, SessionRecord, Sets } from './session-model.ts';
import {
  COACH_HISTORY_LIMIT,
  estimatedMax,
  isWorking,
  judgeSession,
  lastBlockStart,
  recentFinished,
  reshapeToTotal,
  scaleToTotal,
  spreadTotal,
} from './training-history.ts';

function session(
  day: string,
  sets: Sets,
  rpe: number | null = null,
  status: SessionRecord['status'] = 'completed',
  intent: PlanIntent | null = null,
): SessionRecord {
  return {
    session_date: `${day}T18:00:00.000Z`,
    sets,
    total_reps: sets.reduce((a, b) => a + b, 0),
    rpe,
    status,
    is_ai_generated: false,
    is_modified: false,
    intent,
  };
}

describe('judging a session from the reps done', () => {
  test('completed with all five sets is a hit; empty sets or a failed status is a miss', () => {
    expect(judgeSession(session('2025-03-01', [10, 10, 9, 9, 8], 7))).toBe('hit');
    expect(judgeSession(session('2025-03-01', [10, 10, 9, 9, 0], 7))).toBe('partial');
    expect(judgeSession(session('2025-03-01', [10, 10, 9, 9, 8], null, 'failed'))).toBe('failed');
  });

  test('the window: finished sessions only, newest first, at most forty', () => {
    const start = Date.parse('2025-01-01T18:00:00Z');
    const many = Array.from({ length: 45 }, (_, i) =>
      session(new Date(start + i * 86_400_000).toISOString().slice(0, 10), [5, 5, 5, 5, 5], 7),
    );
    const planned = session('2025-03-01', [5, 5, 5, 5, 5], null, 'planned');
    const recent = recentFinished([...many, planned]);
    expect(COACH_HISTORY_LIMIT).toBe(40);
    expect(recent).toHaveLength(40);
    expect(recent[0]?.session_date).toBe('2025-02-14T18:00:00.000Z');
    expect(recent[39]?.session_date).toBe('2025-01-06T18:00:00.000Z');
  });
});

describe("reading the coach's intents back", () => {
  const deload = session('2025-03-03', [6, 6, 6, 5, 5], 8, 'completed', 'deload');
  const history = [
    session('2025-03-07', [10, 10, 9, 9, 8], 8, 'completed', 'progress'),
    session('2025-03-06', [5, 5, 5, 4, 4], 6, 'completed', 'short_rest'),
    session('2025-03-05', [10, 10, 9, 9, 8], 7, 'completed', 'repeat'),
    deload,
    session('2025-03-01', [10, 10, 9, 9, 8], 9, 'completed', 'progress'),
  ];

  test('deloads and short-rest sessions show no working level, whatever their RPE', () => {
    expect(history.map(isWorking)).toEqual([true, false, true, false, true]);
    // A lighter session the athlete planned is a working session: nothing is guessed.
    expect(isWorking({ ...deload, intent: null })).toBe(true);
  });

  test('the block starts at the newest deload, restart or first session', () => {
    expect(lastBlockStart(history)).toBe(deload);
    expect(lastBlockStart(history.slice(0, 3))).toBeNull();
  });

  test('without a fresh max, a long break restarts from the last working best set', () => {
    expect(estimatedMax([deload, session('2025-03-01', [12, 10, 9, 9, 8], 8)])).toBe(12);
  });
});

describe('reshaping sets', () => {
  test('reshapeToTotal removes from the highest and adds to the lowest sets', () => {
    expect(reshapeToTotal([10, 10, 9, 9, 8], 44)).toEqual([9, 9, 9, 9, 8]);
    expect(reshapeToTotal([10, 10, 9, 9, 8], 48)).toEqual([10, 10, 10, 9, 9]);
    expect(reshapeToTotal([60, 60, 60, 60, 59], 400)).toEqual([60, 60, 60, 60, 60]);
    expect(reshapeToTotal([3, 3, 3, 3, 3], 2)).toEqual([1, 1, 1, 1, 1]);
  });

  test('scaleToTotal keeps the shape', () => {
    expect(scaleToTotal([10, 10, 9, 9, 8], 41)).toEqual([9, 9, 8, 8, 7]);
    expect(scaleToTotal([10, 10, 9, 9, 8], 28)).toEqual([6, 6, 6, 5, 5]);
    expect(scaleToTotal([0, 0, 0, 0, 0], 7)).toEqual([2, 2, 1, 1, 1]);
  });

  test('spreadTotal is an even, front-loaded spread', () => {
    expect(spreadTotal(28)).toEqual([6, 6, 6, 5, 5]);
    expect(spreadTotal(3)).toEqual([1, 1, 1, 1, 1]);
  });
});
