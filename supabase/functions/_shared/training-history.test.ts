import { describe, expect, test } from 'vitest';
import type { SessionRecord, Sets } from './session-rules.ts';
import {
  findStall,
  isLightSession,
  judgeSession,
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
): SessionRecord {
  return {
    session_date: `${day}T18:00:00.000Z`,
    sets,
    total_reps: sets.reduce((a, b) => a + b, 0),
    rpe,
    status,
    is_ai_generated: false,
    is_modified: false,
  };
}

describe('judging a session from the reps done', () => {
  test('completed with all five sets is a hit; empty sets or a failed status is a miss', () => {
    expect(judgeSession(session('2025-03-01', [10, 10, 9, 9, 8], 7))).toBe('hit');
    expect(judgeSession(session('2025-03-01', [10, 10, 9, 9, 0], 7))).toBe('partial');
    expect(judgeSession(session('2025-03-01', [10, 10, 9, 9, 8], null, 'failed'))).toBe('failed');
  });

  test('the window: finished sessions only, newest first, at most ten', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      session(`2025-02-${String(10 + i).padStart(2, '0')}`, [5, 5, 5, 5, 5], 7),
    );
    const planned = session('2025-03-01', [5, 5, 5, 5, 5], null, 'planned');
    const recent = recentFinished([...many, planned]);
    expect(recent).toHaveLength(10);
    expect(recent[0]?.session_date).toBe('2025-02-21T18:00:00.000Z');
    expect(recent[9]?.session_date).toBe('2025-02-12T18:00:00.000Z');
  });
});

describe('deloads and stalls', () => {
  test('a light session is easy, fully done, and ≤ 75 % of a fully done one before it', () => {
    const before = session('2025-03-01', [10, 10, 9, 9, 8], 9);
    expect(isLightSession([session('2025-03-03', [6, 6, 6, 5, 5], 6), before], 0)).toBe(true);
    expect(isLightSession([session('2025-03-03', [6, 6, 6, 5, 5], 8), before], 0)).toBe(false);
    expect(isLightSession([session('2025-03-03', [8, 8, 7, 7, 7], 6), before], 0)).toBe(false);
    expect(isLightSession([session('2025-03-03', [6, 6, 6, 5, 0], 6), before], 0)).toBe(false);
  });

  test('a stall is three sessions not beating the one before them, never across a deload', () => {
    const flat = [
      session('2025-03-07', [10, 10, 9, 9, 8], 9),
      session('2025-03-05', [10, 10, 9, 9, 8], 9),
      session('2025-03-03', [10, 10, 9, 9, 8], 9),
      session('2025-03-01', [10, 10, 9, 9, 8], 8),
    ];
    expect(findStall(flat)).toEqual({ reference: 46, totals: [46, 46, 46] });
    expect(findStall([session('2025-03-07', [10, 10, 10, 9, 8], 9), ...flat.slice(1)])).toBeNull();
    const afterDeload = [flat[0], session('2025-03-06', [6, 6, 6, 5, 5], 6), ...flat.slice(1)];
    expect(findStall(afterDeload as SessionRecord[])).toBeNull();
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
