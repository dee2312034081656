// Safety bounds applied to every plan, the rule-based coach's and an LLM's alike: the plan that
// reaches the athlete never exceeds what their own recent sessions justify. The numbers the
// coach and the bounds share (first session, breaks, short rest) live here, once.
import {
  MAX_REPS_PER_SET,
  REST_HOURS,
  SET_COUNT,
  totalReps,
  type SessionRecord,
  type Sets,
} from './session-model.ts';
import {
  bestSet,
  daysBetween,
  estimatedMax,
  hoursBetween,
  isMiss,
  isWorking,
  lastRegular,
  recentFinished,
  scaleToTotal,
} from './training-history.ts';

/** How far a set may go above the athlete's best set so far. */
export const BEST_SET_MARGIN = 2;
/** How far a set may go above the same set of the session it builds on. */
export const SAME_SET_MARGIN = 3;
/** Largest session-to-session growth in total volume. */
export const MAX_VOLUME_GROWTH = 0.1;
/** Less than REST_HOURS since the last session: at most this share of its volume. */
export const SHORT_REST_VOLUME = 0.5;

/** Breaks: from this many days off the athlete restarts below the last level. */
export const BREAK_DAYS = 14;
export const LONG_BREAK_DAYS = 28;
/** From this many days off the coach starts afresh from a new max, as for a first session. */
export const RETEST_DAYS = 56;
/** The restart cut for a break of 2–4 weeks and of 4–8 weeks. */
export const BREAK_CUT = 0.15;
export const LONG_BREAK_CUT = 0.3;

/** Beginners: a one-set max (or best set) up to this gets singles and doubles. */
export const BEGINNER_MAX = 4;

/** The top set of a first session: at most half the one-set max M (at least 1). */
export function firstSessionTopSet(maxReps: number): number {
  return Math.min(MAX_REPS_PER_SET, Math.max(1, Math.floor(maxReps / 2)));
}

/** First session from a one-set max M: the top sets at ⌊M/2⌋, tapering by ~10 % of that. */
export function firstSessionSets(maxReps: number): Sets {
  const top = firstSessionTopSet(maxReps);
  const step = Math.max(1, Math.round(top * 0.1));
  const at = (drop: number) => Math.max(1, top - drop);
  return [top, top, at(step), at(step), at(2 * step)];
}

/** The share cut from the last level after `days` off (0 below BREAK_DAYS). */
export function restartCut(days: number): number {
  if (days >= LONG_BREAK_DAYS) return LONG_BREAK_CUT;
  if (days >= BREAK_DAYS) return BREAK_CUT;
  return 0;
}

export type BoundReason =
  | 'set_count'
  | 'not_whole_number'
  | 'below_one_rep'
  | 'above_60'
  | 'above_best_set'
  | 'above_same_set'
  | 'first_session_set'
  | 'first_session_volume'
  | 'volume_jump'
  | 'no_increase_after_miss'
  | 'no_increase_after_hard_session'
  | 'above_pre_deload'
  | 'restart_cut'
  | 'short_rest_volume';

export interface PlanBoundsContext {
  /** A plan from a one-set max (first session, or a restart after RETEST_DAYS): that max. */
  firstSessionMax: number | null;
  /** Best single set in the recent sessions; null when there are none. */
  bestSet: number | null;
  /** The sets the plan builds on: the last working session (before a deload or short rest). */
  referenceSets: Sets | null;
  /** What growth is measured from: the reference session's total. */
  referenceTotal: number | null;
  /** Total of the newest finished session (a short-rest plan is measured against it). */
  lastTotal: number | null;
  /** The reference session was a miss (failed, or sets left empty). */
  lastMissed: boolean;
  /** Total of the newest session done in full (since any restart); caps a plan after a miss. */
  lastHitTotal: number | null;
  lastRpe: number | null;
  /** The newest regular session was a deload: the plan may resume, never pass the level before. */
  afterDeload: boolean;
  hoursSinceLast: number | null;
  daysSinceLast: number | null;
}

export function planBoundsContext(input: {
  history: readonly SessionRecord[];
  baselineMaxReps?: number;
  plannedDate: Date;
}): PlanBoundsContext {
  const history = recentFinished(input.history);
  const last = history[0];
  const empty: PlanBoundsContext = {
    firstSessionMax: null,
    bestSet: null,
    referenceSets: null,
    referenceTotal: null,
    lastTotal: null,
    lastMissed: false,
    lastHitTotal: null,
    lastRpe: null,
    afterDeload: false,
    hoursSinceLast: null,
    daysSinceLast: null,
  };
  if (!last) {
    return { ...empty, firstSessionMax: input.baselineMaxReps ?? null };
  }
  const daysSinceLast = daysBetween(last.session_date, input.plannedDate);
  if (daysSinceLast >= RETEST_DAYS) {
    return {
      ...empty,
      firstSessionMax: input.baselineMaxReps ?? estimatedMax(history),
      daysSinceLast,
    };
  }
  const reference = history.find(isWorking) ?? last;
  const referenceSets = [...reference.sets] as Sets;
  return {
    ...empty,
    bestSet: bestSet(history),
    referenceSets,
    referenceTotal: reference.total_reps,
    lastTotal: last.total_reps,
    lastMissed: isMiss(reference),
    lastHitTotal: lastHitSinceRestart(history)?.total_reps ?? null,
    lastRpe: reference.rpe,
    afterDeload: lastRegular(history)?.intent === 'deload',
    hoursSinceLast: hoursBetween(last.session_date, input.plannedDate),
    daysSinceLast,
  };
}

/** The newest session done in full at the current level: not before a restart after a break. */
export function lastHitSinceRestart(history: readonly SessionRecord[]): SessionRecord | undefined {
  for (const session of history) {
    if (isWorking(session) && !isMiss(session)) return session;
    if (RESTART_INTENTS.includes(session.intent)) return undefined;
  }
  return undefined;
}

const RESTART_INTENTS: readonly (string | null | undefined)[] = [
  'restart',
  'retest',
  'first_session',
];

export interface PlanLimits {
  /** The largest reps for each of the five sets, and the bound that sets it. */
  maxSets: Sets;
  setReasons: BoundReason[];
  maxTotal: number;
  totalReason: BoundReason;
}

/** The largest sets and total a plan may have in this context. */
export function planLimits(context: PlanBoundsContext): PlanLimits {
  if (context.firstSessionMax !== null) {
    const top = firstSessionTopSet(context.firstSessionMax);
    return {
      maxSets: [top, top, top, top, top],
      setReasons: Array<BoundReason>(SET_COUNT).fill('first_session_set'),
      maxTotal: SET_COUNT * top,
      totalReason: 'first_session_volume',
    };
  }
  if (context.referenceSets === null || context.referenceTotal === null) {
    throw new Error('planLimits: a first session needs baselineMaxReps');
  }
  const reference = context.referenceTotal;
  const candidates: { total: number; reason: BoundReason }[] = [];
  if (context.lastMissed) {
    candidates.push({
      total: Math.max(reference, context.lastHitTotal ?? 0),
      reason: 'no_increase_after_miss',
    });
  }
  if (context.lastRpe !== null && context.lastRpe >= 9) {
    candidates.push({ total: reference, reason: 'no_increase_after_hard_session' });
  }
  if (context.afterDeload) {
    candidates.push({ total: reference, reason: 'above_pre_deload' });
  }
  const cut = restartCut(context.daysSinceLast ?? 0);
  if (cut > 0) {
    candidates.push({ total: Math.floor(reference * (1 - cut)), reason: 'restart_cut' });
  }
  if (context.hoursSinceLast !== null && context.hoursSinceLast < REST_HOURS) {
    candidates.push({
      total: Math.round((context.lastTotal ?? reference) * SHORT_REST_VOLUME),
      reason: 'short_rest_volume',
    });
  }
  // +1 rep of slack, so that a small total (say 7) can still grow. After a miss, growth is
  // measured from the level last done in full, so the athlete may go back to it.
  const base = context.lastMissed ? Math.max(reference, context.lastHitTotal ?? 0) : reference;
  const growth = Math.max(Math.floor(base * (1 + MAX_VOLUME_GROWTH)), base + 1);
  candidates.push({ total: growth, reason: 'volume_jump' });
  // The first, most specific, of the strictest limits names the reason.
  const strictest = candidates.reduce((min, c) => (c.total < min.total ? c : min));

  const best = clampInt((context.bestSet ?? 0) + BEST_SET_MARGIN, 1, MAX_REPS_PER_SET);
  // An empty set builds on the smallest set that was done.
  const done = context.referenceSets.filter((reps) => reps > 0);
  const floor = done.length > 0 ? Math.min(...done) : 0;
  const setReasons: BoundReason[] = [];
  const maxSets = context.referenceSets.map((reps) => {
    const same = clampInt((reps > 0 ? reps : floor) + SAME_SET_MARGIN, 1, MAX_REPS_PER_SET);
    setReasons.push(same < best ? 'above_same_set' : 'above_best_set');
    return Math.min(same, best);
  }) as Sets;
  return {
    maxSets,
    setReasons,
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
  const sets = raw.map((value, index) => {
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
    const cap = limits.maxSets[index] ?? MAX_REPS_PER_SET;
    if (reps > cap) {
      reasons.add(limits.setReasons[index] ?? 'above_best_set');
      reps = cap;
    }
    return reps;
  }) as Sets;
  const total = totalReps(sets);
  if (total > limits.maxTotal) {
    reasons.add(limits.totalReason);
    return {
      sets: capEach(scaleToTotal(sets, limits.maxTotal), limits.maxSets),
      adjusted: true,
      reasons: [...reasons],
    };
  }
  return { sets, adjusted: reasons.size > 0, reasons: [...reasons] };
}

/** Scaling down can move a rep onto a set already at its cap; take such reps off again. */
function capEach(sets: Sets, caps: Sets): Sets {
  return sets.map((reps, index) => Math.min(reps, caps[index] ?? reps)) as Sets;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
