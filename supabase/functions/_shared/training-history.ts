// How the coach and the plan bounds read an athlete's recent sessions. The rows store only the
// reps done, not the reps planned, so completion is judged from the status and the sets filled.
import { DAY_MS, HOUR_MS } from './calendar-days.ts';
import {
  isFinished,
  totalReps,
  type PlanIntent,
  type SessionRecord,
  type Sets,
} from './session-model.ts';

/** Finished sessions the coach reads, newest first: about ten weeks at four a week, so the last
 *  deload (at most ~6 weeks back) is in view whatever the frequency. */
export const COACH_HISTORY_LIMIT = 40;

/**
 * hit: completed with all five sets recorded (the plan was carried out);
 * partial: completed but some sets left empty (sets missed);
 * failed: the athlete marked the session failed.
 */
export type SessionOutcome = 'hit' | 'partial' | 'failed';

export function judgeSession(session: SessionRecord): SessionOutcome {
  if (session.status === 'failed') return 'failed';
  return session.sets.every((reps) => reps > 0) ? 'hit' : 'partial';
}

export function isMiss(session: SessionRecord): boolean {
  return judgeSession(session) !== 'hit';
}

/** Completed/failed sessions, newest first, at most COACH_HISTORY_LIMIT (the seed's query 5). */
export function recentFinished(history: readonly SessionRecord[]): SessionRecord[] {
  return history
    .filter((session) => isFinished(session.status))
    .sort((a, b) => Date.parse(b.session_date) - Date.parse(a.session_date))
    .slice(0, COACH_HISTORY_LIMIT);
}

/** Sessions the coach planned lighter on purpose; they show no level and are never a stall. */
const LIGHT_INTENTS: readonly (PlanIntent | null | undefined)[] = ['deload', 'short_rest'];
/** Sessions that start a new block of build-up (the calendar of deloads counts from them). */
const BLOCK_START_INTENTS: readonly (PlanIntent | null | undefined)[] = [
  'deload',
  'restart',
  'retest',
  'first_session',
];

/** A session that shows the athlete's working level: any but a deload or a short-rest one. */
export function isWorking(session: SessionRecord): boolean {
  return !LIGHT_INTENTS.includes(session.intent);
}

/** The newest session that started a block (a deload, restart or first session), by intent. */
export function lastBlockStart(history: readonly SessionRecord[]): SessionRecord | null {
  return history.find((session) => BLOCK_START_INTENTS.includes(session.intent)) ?? null;
}

/** The newest session that is not a short-rest one: what the athlete last trained "for real". */
export function lastRegular(history: readonly SessionRecord[]): SessionRecord | undefined {
  return history.find((session) => session.intent !== 'short_rest');
}

/** The max a restart after a long break assumes when the athlete gave no fresh one: the best
 *  set of their last working session (they could do at least that, then). */
export function estimatedMax(history: readonly SessionRecord[]): number {
  const working = history.find(isWorking) ?? history[0];
  return Math.max(1, ...(working?.sets ?? [1]));
}

/** The athlete's best single set in the window (0 when nothing was recorded). */
export function bestSet(history: readonly SessionRecord[]): number {
  return history.reduce((best, session) => Math.max(best, ...session.sets), 0);
}

export function hoursBetween(from: string, to: Date): number {
  return (to.getTime() - Date.parse(from)) / HOUR_MS;
}

export function daysBetween(from: string, to: string | Date): number {
  const end = typeof to === 'string' ? Date.parse(to) : to.getTime();
  return (end - Date.parse(from)) / DAY_MS;
}

/** Five sets moved to a target total: reps come off the highest sets first (the later one of a
 *  tie, so a taper stays a taper) and go onto the lowest first (the earlier one of a tie). Each
 *  set stays within 1..maxSet. */
export function reshapeToTotal(sets: Sets, target: number, maxSet = 60): Sets {
  const result = sets.map((reps) => Math.min(maxSet, Math.max(1, Math.round(reps)))) as Sets;
  let total = totalReps(result);
  while (total > target) {
    let at = -1;
    result.forEach((reps, i) => {
      if (reps > 1 && (at === -1 || reps >= (result[at] ?? 0))) at = i;
    });
    if (at === -1) break;
    result[at] = (result[at] ?? 1) - 1;
    total -= 1;
  }
  while (total < target) {
    let at = -1;
    result.forEach((reps, i) => {
      if (reps < maxSet && (at === -1 || reps < (result[at] ?? 0))) at = i;
    });
    if (at === -1) break;
    result[at] = (result[at] ?? 0) + 1;
    total += 1;
  }
  return result;
}

/** An even, slightly front-loaded spread of a total over five sets (at least 1 each). */
export function spreadTotal(total: number, maxSet = 60): Sets {
  return reshapeToTotal([1, 1, 1, 1, 1], total, maxSet);
}

/** Five sets scaled in proportion to a target total, keeping their shape; remainders go to the
 *  sets that lost most to rounding (the earlier one of a tie). */
export function scaleToTotal(sets: Sets, target: number, maxSet = 60): Sets {
  const total = totalReps(sets);
  if (total <= 0) return spreadTotal(target, maxSet);
  const exact = sets.map((reps) => (reps * target) / total);
  const result = exact.map((value) => Math.min(maxSet, Math.max(1, Math.floor(value)))) as Sets;
  let missing = target - totalReps(result);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    if ((result[index] ?? maxSet) < maxSet) {
      result[index] = (result[index] ?? 0) + 1;
      missing -= 1;
    }
  }
  return reshapeToTotal(result, target, maxSet);
}
