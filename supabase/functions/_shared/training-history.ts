// How the coach and the plan bounds read an athlete's recent sessions. The rows store only the
// reps done, not the reps planned, so completion is judged from the status and the sets filled.
import { isFinished, type SessionRecord, type Sets } from './session-rules.ts';

export const HISTORY_WINDOW = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** A session at least this much lighter than the one before it (and easy) reads as a deload. */
export const LIGHT_SESSION_RATIO = 0.75;
export const LIGHT_SESSION_MAX_RPE = 7;
/** Sessions without a new best total that count as a stall. */
export const STALL_SESSIONS = 3;
/** A block of progressing sessions this long calls for a deload. */
export const STEADY_BLOCK_DAYS = 35;
/** The coach sees ten sessions at most; a full window of progress this long also calls for one. */
export const FULL_WINDOW_BLOCK_DAYS = 21;

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

/** Completed/failed sessions, newest first, at most ten (the seed's query 5). */
export function recentFinished(history: readonly SessionRecord[]): SessionRecord[] {
  return history
    .filter((session) => isFinished(session.status))
    .sort((a, b) => Date.parse(b.session_date) - Date.parse(a.session_date))
    .slice(0, HISTORY_WINDOW);
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

/**
 * A deliberately light session: fully done, easy (RPE ≤ 7 or not given), and at most 75 % of
 * the volume of a fully done session just before it — what a deload looks like in the rows.
 */
export function isLightSession(history: readonly SessionRecord[], index: number): boolean {
  const session = history[index];
  const before = history[index + 1];
  if (!session || !before) return false;
  if (judgeSession(session) !== 'hit' || judgeSession(before) !== 'hit') return false;
  if (session.rpe !== null && session.rpe > LIGHT_SESSION_MAX_RPE) return false;
  return session.total_reps <= before.total_reps * LIGHT_SESSION_RATIO;
}

/** Sessions since the most recent light one (exclusive), newest first. */
export function sinceLastLight(history: readonly SessionRecord[]): SessionRecord[] {
  const light = history.findIndex((_, index) => isLightSession(history, index));
  return light === -1 ? [...history] : history.slice(0, light);
}

export interface Stall {
  /** The total of the session just before the stalled ones. */
  reference: number;
  totals: number[];
}

/** Three sessions in a row, since the last deload, none beating the total before them. */
export function findStall(history: readonly SessionRecord[]): Stall | null {
  const block = sinceLastLight(history);
  const before = block[STALL_SESSIONS];
  if (!before) return null;
  const stalled = block.slice(0, STALL_SESSIONS);
  if (!stalled.every((session) => session.total_reps <= before.total_reps)) return null;
  return { reference: before.total_reps, totals: stalled.map((session) => session.total_reps) };
}

export interface SteadyBlock {
  days: number;
  sessions: number;
  fromTotal: number;
  toTotal: number;
}

/**
 * The run of fully done sessions since the last miss or deload, if it has raised the total and
 * lasted about five weeks (or fills the whole ten-session window over three weeks or more).
 */
export function findSteadyBlock(history: readonly SessionRecord[]): SteadyBlock | null {
  const block = sinceLastLight(history);
  const missAt = block.findIndex(isMiss);
  const run = missAt === -1 ? block : block.slice(0, missAt);
  const newest = run[0];
  const oldest = run[run.length - 1];
  if (!newest || !oldest || run.length < 2) return null;
  if (newest.total_reps <= oldest.total_reps) return null;
  const days = daysBetween(oldest.session_date, newest.session_date);
  const longEnough =
    days >= STEADY_BLOCK_DAYS || (run.length >= HISTORY_WINDOW && days >= FULL_WINDOW_BLOCK_DAYS);
  if (!longEnough) return null;
  return {
    days,
    sessions: run.length,
    fromTotal: oldest.total_reps,
    toTotal: newest.total_reps,
  };
}

/** Five sets moved to a target total: reps come off the highest sets first (the later one of a
 *  tie, so a taper stays a taper) and go onto the lowest first (the earlier one of a tie). Each
 *  set stays within 1..maxSet. */
export function reshapeToTotal(sets: Sets, target: number, maxSet = 60): Sets {
  const result = sets.map((reps) => Math.min(maxSet, Math.max(1, Math.round(reps)))) as Sets;
  let total = result.reduce((sum, reps) => sum + reps, 0);
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
  const total = sets.reduce((sum, reps) => sum + reps, 0);
  if (total <= 0) return spreadTotal(target, maxSet);
  const exact = sets.map((reps) => (reps * target) / total);
  const result = exact.map((value) => Math.min(maxSet, Math.max(1, Math.floor(value)))) as Sets;
  let missing = target - result.reduce((sum, reps) => sum + reps, 0);
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
