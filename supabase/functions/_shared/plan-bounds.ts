// Safety bounds applied to every plan, the rule-based coach's and an LLM's alike: the plan that
// reaches the athlete never exceeds what their own recent sessions justify.
import { MAX_REPS_PER_SET, REST_HOURS, SET_COUNT, type Sets } from './session-rules.ts';
import type { SessionRecord } from './session-rules.ts';
import {
  bestSet,
  hoursBetween,
  isLightSession,
  recentFinished,
  scaleToTotal,
} from './training-history.ts';

/** How far a set may go above the athlete's best set so far. */
export const BEST_SET_MARGIN = 2;
/** Largest session-to-session growth in total volume. */
export const MAX_VOLUME_GROWTH = 0.1;
/** A first session holds at most five sets of half the baseline max. */
export const FIRST_SESSION_VOLUME_FACTOR = 2.5;

export type BoundReason =
  | 'set_count'
  | 'not_whole_number'
  | 'below_one_rep'
  | 'above_60'
  | 'above_best_set'
  | 'above_baseline'
  | 'first_session_volume'
  | 'volume_jump'
  | 'no_increase_after_failure'
  | 'no_increase_after_hard_session'
  | 'no_increase_short_rest';

export interface PlanBoundsContext {
  /** The athlete's stated max, used when there is no history. */
  baselineMaxReps?: number;
  /** Best single set in the recent sessions; null when there are none. */
  bestSet: number | null;
  /** Total reps of the last completed/failed session. */
  lastTotal: number | null;
  /** What growth is measured from: the last total, or the one before a deload session. */
  referenceTotal: number | null;
  lastFailed: boolean;
  lastRpe: number | null;
  /** Hours from the last completed/failed session to the planned session. */
  hoursSinceLast: number | null;
}

export function planBoundsContext(input: {
  history: readonly SessionRecord[];
  baselineMaxReps?: number;
  plannedDate: Date;
}): PlanBoundsContext {
  const history = recentFinished(input.history);
  const last = history[0];
  const base =
    input.baselineMaxReps === undefined ? {} : { baselineMaxReps: input.baselineMaxReps };
  if (!last) {
    return {
      ...base,
      bestSet: null,
      lastTotal: null,
      referenceTotal: null,
      lastFailed: false,
      lastRpe: null,
      hoursSinceLast: null,
    };
  }
  const before = history[1];
  return {
    ...base,
    bestSet: bestSet(history),
    lastTotal: last.total_reps,
    // After a deload the athlete may return to the level before it.
    referenceTotal: before && isLightSession(history, 0) ? before.total_reps : last.total_reps,
    lastFailed: last.status === 'failed',
    lastRpe: last.rpe,
    hoursSinceLast: hoursBetween(last.session_date, input.plannedDate),
  };
}

export interface PlanLimits {
  maxSet: number;
  setReason: BoundReason;
  maxTotal: number;
  totalReason: BoundReason;
}

/** The largest set and total a plan may have in this context. */
export function planLimits(context: PlanBoundsContext): PlanLimits {
  if (context.bestSet === null || context.lastTotal === null) {
    const baseline = context.baselineMaxReps;
    if (baseline === undefined) {
      throw new Error('planLimits: a first session needs baselineMaxReps');
    }
    return {
      maxSet: clampInt(baseline, 1, MAX_REPS_PER_SET),
      setReason: 'above_baseline',
      maxTotal: Math.max(SET_COUNT, Math.ceil(baseline * FIRST_SESSION_VOLUME_FACTOR)),
      totalReason: 'first_session_volume',
    };
  }
  const reference = context.referenceTotal ?? context.lastTotal;
  const candidates: { total: number; reason: BoundReason }[] = [];
  if (context.lastFailed) {
    candidates.push({ total: context.lastTotal, reason: 'no_increase_after_failure' });
  }
  if (context.lastRpe !== null && context.lastRpe >= 9) {
    candidates.push({ total: context.lastTotal, reason: 'no_increase_after_hard_session' });
  }
  if (context.hoursSinceLast !== null && context.hoursSinceLast < REST_HOURS) {
    candidates.push({ total: context.lastTotal, reason: 'no_increase_short_rest' });
  }
  // +1 rep of slack, so that a small total (say 7) can still grow.
  const growth = Math.max(Math.floor(reference * (1 + MAX_VOLUME_GROWTH)), reference + 1);
  candidates.push({ total: growth, reason: 'volume_jump' });
  // The first, most specific, of the strictest limits names the reason.
  const strictest = candidates.reduce((min, c) => (c.total < min.total ? c : min));
  return {
    maxSet: clampInt(context.bestSet + BEST_SET_MARGIN, 1, MAX_REPS_PER_SET),
    setReason: 'above_best_set',
    // Five sets of one rep is the smallest plan there is.
    maxTotal: Math.max(SET_COUNT, strictest.total),
    totalReason: strictest.reason,
  };
}

export interface BoundedPlan {
  sets: Sets;
  adjusted: boolean;
  reasons: BoundReason[];
}

/** Clamp a plan into the limits; `reasons` names every bound that had to act. */
export function boundPlan(
  plan: { sets: readonly number[] },
  context: PlanBoundsContext,
): BoundedPlan {
  const limits = planLimits(context);
  const reasons = new Set<BoundReason>();
  const raw = [...plan.sets];
  if (raw.length !== SET_COUNT) {
    reasons.add('set_count');
    raw.length = Math.min(raw.length, SET_COUNT);
    while (raw.length < SET_COUNT) raw.push(raw[raw.length - 1] ?? 1);
  }
  const sets = raw.map((value) => {
    let reps = value;
    if (!Number.isFinite(reps)) {
      reasons.add('not_whole_number');
      reps = 1;
    } else if (!Number.isInteger(reps)) {
      reasons.add('not_whole_number');
      reps = Math.round(reps);
    }
    if (reps < 1) {
      reasons.add('below_one_rep');
      reps = 1;
    }
    if (reps > MAX_REPS_PER_SET) {
      reasons.add('above_60');
      reps = MAX_REPS_PER_SET;
    }
    if (reps > limits.maxSet) {
      reasons.add(limits.setReason);
      reps = limits.maxSet;
    }
    return reps;
  }) as Sets;
  const total = sets.reduce((sum, reps) => sum + reps, 0);
  if (total > limits.maxTotal) {
    reasons.add(limits.totalReason);
    return {
      sets: scaleToTotal(sets, limits.maxTotal, limits.maxSet),
      adjusted: true,
      reasons: [...reasons],
    };
  }
  return { sets, adjusted: reasons.size > 0, reasons: [...reasons] };
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
