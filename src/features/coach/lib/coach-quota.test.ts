import { describe, expect, test } from 'vitest';
import { askQuota, describeCoachError, formatClock } from './coach-quota';
import { FunctionError } from '@/lib/functions';

const now = new Date(2025, 2, 10, 12, 0);
const hoursAgo = (hours: number) => ({
  created_at: new Date(now.getTime() - hours * 3_600_000).toISOString(),
});

describe('askQuota', () => {
  test('no asks: all five left, nothing to free up', () => {
    expect(askQuota([], now)).toEqual({ limit: 5, used: 0, remaining: 5, nextSlotAt: null });
  });

  test('asks older than 24 h no longer count', () => {
    const quota = askQuota([hoursAgo(25), hoursAgo(23), hoursAgo(1)], now);
    expect([quota.used, quota.remaining]).toEqual([2, 3]);
    expect(quota.nextSlotAt).toEqual(new Date(2025, 2, 10, 13, 0));
  });

  test('five asks: none left, the oldest frees up first', () => {
    const quota = askQuota(
      [hoursAgo(1), hoursAgo(22.5), hoursAgo(5), hoursAgo(10), hoursAgo(3)],
      now,
    );
    expect(quota.remaining).toBe(0);
    expect(formatClock(quota.nextSlotAt!)).toBe('13:30');
  });

  test('more asks than the limit: the slot that brings one back is later', () => {
    const quota = askQuota([1, 2, 3, 4, 5, 20].map(hoursAgo), now);
    expect(quota.remaining).toBe(0);
    expect(quota.nextSlotAt).toEqual(new Date(now.getTime() + 19 * 3_600_000));
  });
});

describe('describeCoachError', () => {
  test('409 names the active session', () => {
    const view = describeCoachError(
      new FunctionError(409, 'active_session_exists', 'x', { session_id: 's-1' }),
      now,
    );
    expect(view).toMatchObject({ kind: 'active_session', sessionId: 's-1' });
  });

  test('429 says when the next ask frees up, from Retry-After or next_slot_at', () => {
    const fromHeader = describeCoachError(
      new FunctionError(429, 'rate_limited', 'x', undefined, 3900),
      now,
    );
    expect(fromHeader.message).toBe(
      "You've used your 5 asks of the last 24 hours; the next frees up in 1 h 5 min (at 13:05).",
    );
    const fromBody = describeCoachError(
      new FunctionError(429, 'rate_limited', 'x', {
        next_slot_at: new Date(now.getTime() + 20 * 60_000).toISOString(),
      }),
      now,
    );
    expect(fromBody.message).toMatch(/in 20 min \(at 12:20\)/);
  });

  test('timeouts and provider errors say the ask still counts', () => {
    for (const [status, code] of [
      [504, 'ai_timeout'],
      [502, 'ai_error'],
    ] as const) {
      const view = describeCoachError(new FunctionError(status, code, 'x'), now);
      expect(view.kind).toBe('coach_failed');
      expect(view.message).toMatch(/this ask still counts/);
    }
  });

  test('anything else falls back to the shared sentences', () => {
    expect(describeCoachError(new TypeError('Failed to fetch'), now)).toEqual({
      kind: 'other',
      message: 'You seem to be offline. Check your connection and try again.',
    });
  });
});
