// The coach's ask quota and the sentences for its errors, shared by the coach card and the
// first-run screen. The quota mirrors reserve_generation: every attempt of the last 24 h
// counts, whatever its outcome, and a slot frees up 24 h after the attempt that used it.
import type { FunctionError } from '@/lib/functions';
import { describeError } from '@/lib/errors';
import { formatWait } from '@shared/format-wait';
import { ONE_ACTIVE_SESSION_MESSAGE } from '@shared/session-rule-messages';

export const COACH_ASK_LIMIT = 5;
export const COACH_WINDOW_MS = 24 * 3_600_000;

export interface AskQuota {
  limit: number;
  used: number;
  remaining: number;
  /** When the next slot frees up; null while no ask was used in the window. */
  nextSlotAt: Date | null;
}

export function askQuota(rows: readonly { created_at: string }[], now: Date): AskQuota {
  const windowStart = now.getTime() - COACH_WINDOW_MS;
  const times = rows
    .map((row) => Date.parse(row.created_at))
    .filter((time) => time > windowStart)
    .sort((a, b) => a - b);
  const used = times.length;
  // Over the limit (a race the database allowed): the slot that frees the first ask is later.
  const freeing = times[Math.max(0, used - COACH_ASK_LIMIT)];
  return {
    limit: COACH_ASK_LIMIT,
    used,
    remaining: Math.max(0, COACH_ASK_LIMIT - used),
    nextSlotAt: freeing === undefined ? null : new Date(freeing + COACH_WINDOW_MS),
  };
}

/** The athlete's local wall-clock time as HH:MM. */
export function formatClock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * When a slot frees up, as a phrase: "at 13:30", or "tomorrow at 13:30" when it is on the next
 * local day (a bare clock time would read as today). The quota window is 24 h, so no later.
 */
export function atSlotTime(date: Date, now: Date): string {
  return `${date.toDateString() === now.toDateString() ? '' : 'tomorrow '}at ${formatClock(date)}`;
}

export type CoachErrorView =
  | { kind: 'active_session'; message: string; sessionId: string | null }
  | { kind: 'rate_limited'; message: string }
  | { kind: 'coach_failed'; message: string }
  | { kind: 'baseline_required'; message: string }
  | { kind: 'other'; message: string };

function isFunctionError(error: unknown): error is FunctionError {
  return (error as { name?: unknown } | null)?.name === 'FunctionError';
}

function detail(details: unknown, key: string): unknown {
  return typeof details === 'object' && details !== null
    ? (details as Record<string, unknown>)[key]
    : undefined;
}

/** Seconds until the next ask, from Retry-After, the body's details, or next_slot_at. */
function waitSeconds(error: FunctionError, now: Date): number | null {
  if (error.retryAfterSeconds !== undefined) return error.retryAfterSeconds;
  const fromBody = detail(error.details, 'retry_after_seconds');
  if (typeof fromBody === 'number' && fromBody > 0) return fromBody;
  const nextSlot = detail(error.details, 'next_slot_at');
  const at = typeof nextSlot === 'string' ? Date.parse(nextSlot) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(1, (at - now.getTime()) / 1000);
}

/** One specific sentence per coach failure; the screen adds the way forward for each kind. */
export function describeCoachError(error: unknown, now: Date): CoachErrorView {
  if (!isFunctionError(error)) return { kind: 'other', message: describeError(error) };
  switch (error.code) {
    case 'active_session_exists': {
      const sessionId = detail(error.details, 'session_id');
      return {
        kind: 'active_session',
        message: `${ONE_ACTIVE_SESSION_MESSAGE} Finish or delete it before asking the coach for another.`,
        sessionId: typeof sessionId === 'string' ? sessionId : null,
      };
    }
    case 'rate_limited': {
      const seconds = waitSeconds(error, now);
      const when =
        seconds === null
          ? 'within 24 hours'
          : `in ${formatWait(seconds)} (${atSlotTime(new Date(now.getTime() + seconds * 1000), now)})`;
      return {
        kind: 'rate_limited',
        message: `You've used your ${COACH_ASK_LIMIT} asks of the last 24 hours; the next frees up ${when}.`,
      };
    }
    case 'ai_timeout':
      return {
        kind: 'coach_failed',
        message:
          'The coach took too long to answer; this ask still counts. Try again or plan it yourself.',
      };
    case 'ai_error':
      return {
        kind: 'coach_failed',
        message: "The coach couldn't answer; this ask still counts. Try again or plan it yourself.",
      };
    case 'baseline_required':
      return {
        kind: 'baseline_required',
        message: 'The coach needs to know the most pull-ups you can do in one set first.',
      };
    default:
      return { kind: 'other', message: describeError(error) };
  }
}
