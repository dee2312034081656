// The built-in rule-based coach: double progression (add a rep to the lighter sets once every set
// was done), autoregulated by session RPE, with a failure memory, deloads by the calendar or by
// fatigue, and restarts after breaks. Each plan records its intent, and the coach reads the
// intents back: its own deloads and restarts are recognised by intent, never guessed from
// totals. The method, its numbers and their sources are in COACH.md.
import {
  BEGINNER_MAX,
  BREAK_DAYS,
  boundPlan,
  firstSessionSets,
  lastHitSinceRestart,
  planBoundsContext,
  restartCut,
  RETEST_DAYS,
  SHORT_REST_VOLUME,
} from './plan-bounds.ts';
import {
  MAX_REPS_PER_SET,
  REST_HOURS,
  SET_COUNT,
  type PlanIntent,
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
  lastBlockStart,
  lastRegular,
  recentFinished,
  reshapeToTotal,
  scaleToTotal,
  spreadTotal,
} from './training-history.ts';

export { firstSessionSets } from './plan-bounds.ts';

export const RULE_BASED_COACH_MODEL = 'rule-based-coach-v2';

/** Step down after two misses in a row. */
export const MISS_STEP_DOWN = 0.1;
/** Share of the working level kept in a deload. */
export const DELOAD_VOLUME = 0.6;
/** A deload after this many days of build-up since the last deload, restart or first session. */
export const DELOAD_EVERY_DAYS = 35;
/** Fatigue (misses or hard sessions) calls a deload only this long after the last one… */
export const MIN_DELOAD_GAP_DAYS = 28;
/** …unless the athlete keeps failing: this many misses in a row. */
export const KEEPS_FAILING_MISSES = 3;
/** Sessions at the same level whose RPE is averaged. */
export const LEVEL_RPE_SESSIONS = 2;
/** Sets of at most this many reps (singles and doubles) are a beginner's: one rep at a time. */
export const BEGINNER_SETS = 2;
/** Fatigue looks at this many recent working sessions. */
export const FATIGUE_WINDOW = 3;
/** Hard sessions (RPE ≥ 9) in FATIGUE_WINDOW that call for a deload, and misses that do. */
export const FATIGUE_HARD_SESSIONS = 3;
export const FATIGUE_MISSES = 2;
/** Under this much rest, no step after a session rated RPE ≥ 8 and at most one rep otherwise. */
export const STEP_RECOVERY_HOURS = 48;

export type CoachRationale =
  | 'first_session'
  | 'retest_after_long_break'
  | 'restart_after_break'
  | 'short_rest'
  | 'resume_after_deload'
  | 'deload_calendar'
  | 'deload_fatigue'
  | 'step_down_two_misses'
  | 'step_down_same_level'
  | 'hold_after_miss'
  | 'repeat_hard'
  | 'repeat_recovering'
  | 'ease_off'
  | 'at_cap'
  | 'step_up';

const INTENT: Record<CoachRationale, PlanIntent> = {
  first_session: 'first_session',
  retest_after_long_break: 'retest',
  restart_after_break: 'restart',
  short_rest: 'short_rest',
  resume_after_deload: 'repeat',
  deload_calendar: 'deload',
  deload_fatigue: 'deload',
  step_down_two_misses: 'step_down',
  step_down_same_level: 'step_down',
  hold_after_miss: 'hold',
  repeat_hard: 'repeat',
  repeat_recovering: 'repeat',
  ease_off: 'hold',
  at_cap: 'repeat',
  step_up: 'progress',
};

export interface CoachInput {
  /** Completed/failed sessions, newest first (others are filtered out). */
  history: readonly SessionRecord[];
  /** The athlete's one-set max; required when there is no history. */
  baselineMaxReps?: number;
  now: Date;
  /** When the planned session takes place; rest and breaks are measured to it (default: now). */
  plannedDate?: Date;
  /** Defaults to the last session's is_ai_generated / is_modified. */
  lastPlanWasAi?: boolean;
  lastPlanModified?: boolean;
}

export interface CoachPlan {
  sets: Sets;
  comment: string;
  rationale: CoachRationale;
  /** Recorded with the session (sessions.ai_intent), read back by the next plan. */
  intent: PlanIntent;
}

export class CoachInputError extends Error {
  readonly code = 'baseline_required';
  constructor() {
    super('A first session needs the athlete’s baseline max reps.');
    this.name = 'CoachInputError';
  }
}

/**
 * How many sets get one more rep after a session where every set was done: about 10 % of the
 * total at RPE ≤ 6 (three or more reps in reserve), 5 % at RPE 7, a single rep at RPE 8 (two in
 * reserve on the hardest set is already close) or when no RPE was recorded.
 */
export function stepUpReps(total: number, rpe: number | null): number {
  if (rpe === null || rpe >= 8) return 1;
  const rounded = rpe <= 6 ? Math.floor(total * 0.1) : Math.round(total * 0.05);
  return Math.min(SET_COUNT, Math.max(1, rounded));
}

/** One more rep on each of the `count` lowest sets below 60 (earlier set first on a tie). */
export function addRepToLowest(sets: Sets, count: number): Sets {
  const order = sets
    .map((reps, index) => ({ reps, index }))
    .filter(({ reps }) => reps < MAX_REPS_PER_SET)
    .sort((a, b) => a.reps - b.reps || a.index - b.index)
    .slice(0, count);
  const result = [...sets] as Sets;
  for (const { index } of order) result[index] = (result[index] ?? 0) + 1;
  return result;
}

/** The sets to build on: the session's own sets when all five were done, else its total spread. */
function workingSets(session: SessionRecord): Sets {
  return session.sets.every((reps) => reps > 0)
    ? ([...session.sets] as Sets)
    : spreadTotal(Math.max(SET_COUNT, session.total_reps));
}

function scaled(session: SessionRecord, factor: number): Sets {
  const target = Math.max(SET_COUNT, Math.floor(session.total_reps * factor));
  return scaleToTotal(
    workingSets(session),
    Math.min(target, Math.max(SET_COUNT, session.total_reps)),
  );
}

/**
 * The failure memory: the lowest total the athlete failed to reach since the last deload or
 * restart, above `level`. A failed plan's target is not stored (a row holds the reps done), so it
 * is rebuilt as the coach planned it: the hit before it, plus that hit's step for a step-up.
 */
export function failedTarget(working: readonly SessionRecord[], level: number): number | null {
  let lowest: number | null = null;
  for (let i = 0; i < working.length; i += 1) {
    const session = working[i] as SessionRecord;
    const before = working[i + 1];
    if (!isMiss(session) || !before || isMiss(before)) continue;
    // A failed step-up aimed at the hit before it plus its step; a failed repeat, at that hit.
    const steppedUp = session.intent === 'progress' || session.intent == null;
    const target = before.total_reps + (steppedUp ? plannedStep(working, i) : 0);
    if (target > level && (lowest === null || target < lowest)) lowest = target;
  }
  return lowest;
}

/** The step the coach planned from working[i + 1] to working[i], rebuilt by the same rules:
 *  the level's RPE, a beginner's one rep, one rep under 48 h of rest, the failure memory. */
function plannedStep(working: readonly SessionRecord[], i: number): number {
  const session = working[i] as SessionRecord;
  const earlier = working.slice(i + 1);
  const before = earlier[0] as SessionRecord;
  let step =
    bestSet([before]) <= BEGINNER_SETS ? 1 : stepUpReps(before.total_reps, levelRpe(earlier));
  if (hoursBetween(before.session_date, new Date(session.session_date)) < STEP_RECOVERY_HOURS) {
    step = 1;
  }
  const older = failedTarget(earlier, before.total_reps);
  return older === null ? step : Math.max(1, Math.min(step, older - 1 - before.total_reps));
}

interface Decision {
  sets: Sets;
  rationale: CoachRationale;
  /** The session the plan builds on, as cited by the comment. */
  basis: SessionRecord;
  maxReps?: number;
  estimatedMax?: boolean;
  misses?: number;
  days?: number;
  failedAt?: number;
  /** A step cut to one rep: the last session was less than STEP_RECOVERY_HOURS before. */
  restHours?: number;
  hardSessions?: number;
  /** A hold after a miss went back to the last session done in full (not the miss itself). */
  heldLastHit?: boolean;
  /** The level's last ratings, newest first (for easing off). */
  ratings?: number[];
  /** The RPE the step was judged on (the level's mean when it was repeated). */
  rpe?: number | null;
}

function decide(history: SessionRecord[], at: Date, baselineMaxReps?: number): Decision {
  const last = history[0] as SessionRecord;
  const gapDays = daysBetween(last.session_date, at);

  // 1. Breaks: long ones start afresh from a (new) max; shorter ones restart below the level.
  if (gapDays >= RETEST_DAYS) {
    const maxReps = baselineMaxReps ?? estimatedMax(history);
    return {
      sets: firstSessionSets(maxReps),
      rationale: 'retest_after_long_break',
      basis: last,
      maxReps,
      estimatedMax: baselineMaxReps === undefined,
      days: gapDays,
    };
  }
  const working = history.filter(isWorking);
  const level = working[0] ?? last;
  if (gapDays >= BREAK_DAYS) {
    return {
      sets: scaled(level, 1 - restartCut(gapDays)),
      rationale: 'restart_after_break',
      basis: level,
      days: gapDays,
    };
  }
  // 2. Less than a day of rest: about half the last session, whatever it was.
  if (hoursBetween(last.session_date, at) < REST_HOURS) {
    return { sets: scaled(last, SHORT_REST_VOLUME), rationale: 'short_rest', basis: last };
  }
  // 3. After a deload: resume the level before it.
  if (lastRegular(history)?.intent === 'deload') {
    const lastHit = working.find((s) => !isMiss(s));
    const sets = lastHit
      ? reshapeToTotal(workingSets(lastHit), Math.min(lastHit.total_reps, level.total_reps))
      : workingSets(level);
    return { sets, rationale: 'resume_after_deload', basis: level };
  }

  // 4. Deloads: by the calendar, or by fatigue (never within four weeks unless failing on).
  const start = lastBlockStart(history);
  const since = start ? history.slice(0, history.indexOf(start)).filter(isWorking) : working;
  const startDate =
    start?.session_date ?? (history[history.length - 1] as SessionRecord).session_date;
  const blockDays = daysBetween(startDate, at);
  const recent = since.slice(0, FATIGUE_WINDOW);
  const misses = leadingMisses(since);
  const deloadBase = working.find((s) => !isMiss(s)) ?? level;
  // Singles and doubles (a beginner's sets) build little fatigue: no calendar deload for them.
  const lightLoad = bestSet([level]) <= BEGINNER_MAX;
  if (since.length >= 2 && blockDays >= DELOAD_EVERY_DAYS && !lightLoad) {
    return {
      sets: scaled(deloadBase, DELOAD_VOLUME),
      rationale: 'deload_calendar',
      basis: deloadBase,
      days: blockDays,
    };
  }
  const recentMisses = recent.filter(isMiss).length;
  const hard = recent.filter((s) => s.rpe !== null && s.rpe >= 9).length;
  const tired =
    recent.length === FATIGUE_WINDOW &&
    (recentMisses >= FATIGUE_MISSES || hard >= FATIGUE_HARD_SESSIONS);
  if ((tired && blockDays >= MIN_DELOAD_GAP_DAYS) || misses >= KEEPS_FAILING_MISSES) {
    return {
      sets: scaled(deloadBase, DELOAD_VOLUME),
      rationale: 'deload_fatigue',
      basis: deloadBase,
      misses: recentMisses,
      hardSessions: hard,
      days: blockDays,
    };
  }

  // 5. Misses: hold at the last level done in full; two in a row step down about 10 %.
  if (isMiss(level)) {
    const lastHit = lastHitSinceRestart(history);
    // Two misses in a row, or a second failed step-up from the same level (the athlete's limit
    // for now, even with a hold between): step down about 10 % and build up again.
    const steppedUp = level.intent === 'progress' || level.intent == null;
    const sameLevelFails =
      steppedUp && lastHit && since[1] === lastHit ? failedStepsFrom(since, lastHit.total_reps) : 0;
    if ((misses >= 2 || sameLevelFails >= 2) && lastHit) {
      const from = lastHit.total_reps;
      const target = Math.max(
        SET_COUNT,
        Math.min(from - 1, Math.round(from * (1 - MISS_STEP_DOWN))),
      );
      return {
        sets: scaleToTotal(workingSets(lastHit), target),
        rationale: misses >= 2 ? 'step_down_two_misses' : 'step_down_same_level',
        basis: lastHit,
        misses,
      };
    }
    // A failed step-up holds the level before it; a level that itself failed (a repeat, a
    // hold) is held at what was done, so the same failure is not planned again.
    // A step-up that fell far short (more than 10 % below the level before it) is fatigue, not
    // a step too far: that too is held at what was done.
    const close =
      lastHit !== undefined && level.total_reps >= lastHit.total_reps * (1 - MISS_STEP_DOWN);
    const hold = steppedUp && close && lastHit.total_reps >= level.total_reps ? lastHit : level;
    return {
      sets: workingSets(hold),
      rationale: 'hold_after_miss',
      basis: level,
      misses,
      heldLastHit: hold !== level,
    };
  }

  // 6. Done in full.
  if (level.sets.every((reps) => reps >= MAX_REPS_PER_SET)) {
    return { sets: [...level.sets] as Sets, rationale: 'at_cap', basis: level };
  }
  // Beginners' singles and doubles grow a rep at a time, judged on the last session alone.
  const beginner = bestSet([level]) <= BEGINNER_SETS;
  const rpe = beginner ? level.rpe : levelRpe(since.length > 0 ? since : working);
  // Very hard by the level's ratings, or by the last one alone (9 after an 8 is no easier
  // level, and the bounds allow no increase after an RPE ≥ 9 session): repeat.
  if ((rpe !== null && rpe >= 9) || (level.rpe !== null && level.rpe >= 9)) {
    // Two sessions in a row at the limit (RPE 9 and 10, or 10 twice) on the same sets: the
    // next repeat is a coin flip, so one rep comes off to rebuild a reserve.
    const ratings = levelRatings(since.length > 0 ? since : working);
    if (!beginner && ratings.length === LEVEL_RPE_SESSIONS && sum(ratings) >= 19) {
      return {
        sets: reshapeToTotal(level.sets, level.total_reps - 1),
        rationale: 'ease_off',
        basis: level,
        ratings,
      };
    }
    return {
      sets: [...level.sets] as Sets,
      rationale: 'repeat_hard',
      basis: level,
      rpe,
      ratings,
    };
  }
  // The day after a session close to the limit, the athlete is not yet recovered: repeat it
  // (sets near failure take 24–48 h to recover from), and take the step after a rest day.
  // Sets of at most four reps (a beginner's) tire little, as for the calendar deload.
  const restHours = hoursBetween(last.session_date, at);
  if (!lightLoad && level.rpe !== null && level.rpe >= 8 && restHours < STEP_RECOVERY_HOURS) {
    return { sets: [...level.sets] as Sets, rationale: 'repeat_recovering', basis: level };
  }
  // Under 48 h after an easier session the step is a single rep (RPE was rated fresh).
  const fullStep = beginner ? 1 : stepUpReps(level.total_reps, rpe);
  const shortRest = restHours < STEP_RECOVERY_HOURS && fullStep > 1;
  let step = shortRest ? 1 : fullStep;
  const failedAt = failedTarget(since, level.total_reps);
  if (failedAt !== null) step = Math.max(1, Math.min(step, failedAt - 1 - level.total_reps));
  return {
    sets: addRepToLowest(level.sets, step),
    rationale: 'step_up',
    basis: level,
    rpe,
    ...(failedAt === null ? {} : { failedAt }),
    ...(shortRest ? { restHours } : {}),
  };
}

/**
 * The RPE of the current level: the mean over the last two sessions when both were done in full
 * at the same total, a half rounded down. RPE is misjudged by about a rep (Hackett 2017), so an
 * RPE 8 right after a 10 at the same sets reads as 9 (repeat again); 7 after 10 reads as 8.
 */
export function levelRpe(working: readonly SessionRecord[]): number | null {
  const ratings = levelRatings(working);
  if (ratings.length === 0) return null;
  // Half-way (8.5) reads as the easier rating: a 9 and an 8 at the same level earn a step.
  return Math.ceil(ratings.reduce((a, b) => a + b, 0) / ratings.length - 0.5);
}

/** The RPE ratings of the current level's last sessions (newest first, up to two). */
function levelRatings(working: readonly SessionRecord[]): number[] {
  const level = working[0];
  const ratings: number[] = [];
  for (const session of working.slice(0, LEVEL_RPE_SESSIONS)) {
    if (!level || isMiss(session) || session.total_reps !== level.total_reps) break;
    if (session.rpe !== null) ratings.push(session.rpe);
  }
  return ratings;
}

/** How many step-ups since the block start failed from a level of `total` reps. */
export function failedStepsFrom(working: readonly SessionRecord[], total: number): number {
  let count = 0;
  for (let i = 0; i + 1 < working.length; i += 1) {
    const session = working[i] as SessionRecord;
    const before = working[i + 1] as SessionRecord;
    const steppedUp = session.intent === 'progress' || session.intent == null;
    if (steppedUp && isMiss(session) && !isMiss(before) && before.total_reps === total) count += 1;
  }
  return count;
}

function leadingMisses(working: readonly SessionRecord[]): number {
  const hit = working.findIndex((s) => !isMiss(s));
  return hit === -1 ? working.length : hit;
}

export function planNextSession(input: CoachInput): CoachPlan {
  const history = recentFinished(input.history);
  const at = input.plannedDate ?? input.now;
  const last = history[0];
  const boundsContext = planBoundsContext({
    history,
    plannedDate: at,
    ...(input.baselineMaxReps === undefined ? {} : { baselineMaxReps: input.baselineMaxReps }),
  });

  if (!last) {
    if (input.baselineMaxReps === undefined) throw new CoachInputError();
    const maxReps = input.baselineMaxReps;
    const sets = boundPlan({ sets: firstSessionSets(maxReps) }, boundsContext).sets;
    return {
      sets,
      rationale: 'first_session',
      intent: 'first_session',
      comment: firstSessionComment(maxReps, sets),
    };
  }

  const decision = decide(history, at, input.baselineMaxReps);
  // The same bounds as an LLM's plan; the rules above already stay inside them.
  const sets = boundPlan({ sets: decision.sets }, boundsContext).sets;
  const comment = buildComment({
    decision: { ...decision, sets },
    history,
    hoursSinceLast: hoursBetween(last.session_date, at),
    modified:
      (input.lastPlanWasAi ?? last.is_ai_generated) && (input.lastPlanModified ?? last.is_modified),
  });
  return { sets, rationale: decision.rationale, intent: INTENT[decision.rationale], comment };
}

// --- The comment: 2–3 sentences citing the athlete's own numbers ----------------------------------

function sum(sets: readonly number[]): number {
  return sets.reduce((total, reps) => total + reps, 0);
}

function show(sets: readonly number[]): string {
  return sets.join('-');
}

function reps(count: number): string {
  return `${count} rep${count === 1 ? '' : 's'}`;
}

function percent(part: number, whole: number): number {
  return Math.round((part / Math.max(1, whole)) * 100);
}

function weeks(days: number): string {
  const whole = Math.floor(days / 7);
  const rest = Math.floor(days - whole * 7);
  if (whole === 0) return `${Math.floor(days)} days`;
  return `${whole} week${whole === 1 ? '' : 's'}${rest > 0 ? ` and ${rest} day${rest === 1 ? '' : 's'}` : ''}`;
}

const BEGINNER_TIP =
  'For extra work, add a few slow negatives (jump to the top, lower yourself over 3–5 seconds) or band-assisted pull-ups.';

function firstSessionComment(maxReps: number, sets: Sets): string {
  return [firstSessionSentence(maxReps, sets), firstSessionAdvice(maxReps)].join(' ');
}

function firstSessionSentence(maxReps: number, sets: Sets): string {
  const top = Math.max(...sets);
  const shape =
    top === 1
      ? `five singles: ${show(sets)} (${reps(sum(sets))})`
      : `five sets topping out at ${top} (${percent(top, maxReps)}% of your max): ${show(sets)} (${reps(sum(sets))})`;
  const note = maxReps === 1 ? ', the smallest session there is' : '';
  return `You can do ${maxReps} pull-up${maxReps === 1 ? '' : 's'} in one set, so this session is ${shape}${note}.`;
}

function firstSessionAdvice(maxReps: number): string {
  return maxReps <= BEGINNER_MAX
    ? BEGINNER_TIP
    : 'Stop each set with a rep or two in reserve and record how hard it felt, so the next plan can build on it.';
}

interface CommentFacts {
  decision: Decision;
  history: SessionRecord[];
  hoursSinceLast: number;
  modified: boolean;
}

function buildComment(facts: CommentFacts): string {
  const { decision } = facts;
  const basis = decision.basis;
  const plan = show(decision.sets);
  const total = sum(decision.sets);
  const was = `${show(basis.sets)}, ${reps(basis.total_reps)}`;
  const rpeNote = basis.rpe === null ? '' : ` at RPE ${basis.rpe}`;
  const hours = Math.max(0, Math.floor(facts.hoursSinceLast));
  let sentences: string[];

  switch (decision.rationale) {
    case 'step_up': {
      const added = total - basis.total_reps;
      const why =
        basis.rpe === null
          ? 'but recorded no RPE, so this plan adds a single rep to be safe'
          : decision.failedAt !== undefined && total >= decision.failedAt
            ? `at RPE ${basis.rpe}; you missed ${reps(decision.failedAt)} once before, and one rep is the smallest step, so this plan tries it again`
            : decision.failedAt !== undefined
              ? `at RPE ${basis.rpe}; you missed a step to ${reps(decision.failedAt)} before, so this step is smaller`
              : decision.restHours !== undefined
                ? `at RPE ${basis.rpe}, but your last session was only ${Math.floor(decision.restHours)} hours ago, so this step is a single rep`
                : `at RPE ${basis.rpe}, which leaves reps in reserve`;
      sentences = [
        `You completed all five sets last time (${was}) ${why}.`,
        `This plan adds ${added === 1 ? 'one rep' : `a rep to each of the ${added} lightest sets`}: ${plan} (${reps(total)}, +${percent(added, basis.total_reps)}%).`,
      ];
      break;
    }
    case 'repeat_hard': {
      const [newest, older] = decision.ratings ?? [];
      const why =
        basis.rpe === null
          ? `You completed ${was} without a rating; the last one at these sets was RPE ${newest}, at most a rep in reserve.`
          : basis.rpe < 9
            ? `You completed ${was} at RPE ${basis.rpe}, right after RPE ${older} at the same sets: ratings vary by about a rep, so together that is still at most a rep in reserve.`
            : `You completed ${was}, but RPE ${basis.rpe} means you had at most a rep in reserve.`;
      sentences = [
        why,
        `Repeat the same sets, ${plan} (${reps(total)}), until they feel easier before adding more.`,
      ];
      break;
    }
    case 'repeat_recovering':
      sentences = [
        `You completed all five sets (${was}) at RPE ${basis.rpe}, and your last session was only ${hours} hours before this one.`,
        `A step up needs about two days of recovery after a session that close to your limit, so repeat ${plan} (${reps(total)}) and take the step after a rest day.`,
      ];
      break;
    case 'ease_off': {
      const [newest, older] = decision.ratings ?? [];
      sentences = [
        `You completed ${was} twice in a row at RPE ${older} and then ${newest}: right at your limit.`,
        `This plan takes one rep off, ${plan} (${reps(total)}), so you build a rep in reserve before the next step.`,
      ];
      break;
    }
    case 'at_cap':
      sentences = [
        `You completed ${was}: every set is at the app's cap of ${MAX_REPS_PER_SET} reps.`,
        `No plan here can add reps beyond it, so this one repeats ${plan} (${reps(total)}); to keep progressing, add weight or slow the reps down.`,
      ];
      break;
    case 'hold_after_miss': {
      const held = decision.heldLastHit
        ? 'the level you last completed in full, before a smaller step'
        : 'what you managed, so you can complete every set before we progress';
      sentences =
        basis.status === 'failed'
          ? [
              `Your last session was marked failed at ${reps(basis.total_reps)} (${show(basis.sets)}).`,
              `This plan holds at ${plan} (${reps(total)}), ${held}.`,
            ]
          : [
              `Last time you recorded ${basis.sets.filter((r) => r > 0).length} of 5 sets (${was}).`,
              `This plan holds at ${plan} (${reps(total)}), ${held}.`,
            ];
      break;
    }
    case 'step_down_two_misses':
      sentences = [
        `Your last ${decision.misses ?? 2} sessions fell short of the ${reps(basis.total_reps)} you last completed (${show(basis.sets)}).`,
        `This plan steps down ${percent(basis.total_reps - total, basis.total_reps)}% to ${plan} (${reps(total)}) to rebuild from a level you can complete.`,
      ];
      break;
    case 'step_down_same_level':
      sentences = [
        `A step up from ${reps(basis.total_reps)} (${show(basis.sets)}) has now fallen short twice: that is your limit for the moment.`,
        `This plan steps down ${percent(basis.total_reps - total, basis.total_reps)}% to ${plan} (${reps(total)}) to build back up with reps in reserve.`,
      ];
      break;
    case 'deload_calendar':
      sentences = [
        `You have trained for ${weeks(decision.days ?? 0)} since your last deload or fresh start, and your last full session was ${was}.`,
        `Take a lighter deload session of ${plan} (${reps(total)}, ${percent(total, basis.total_reps)}% of it) to recover; after it you resume where you were.`,
      ];
      break;
    case 'deload_fatigue': {
      const signs =
        (decision.misses ?? 0) >= FATIGUE_MISSES
          ? `${decision.misses} of your last ${FATIGUE_WINDOW} sessions fell short`
          : `your last ${decision.hardSessions ?? FATIGUE_WINDOW} sessions were rated RPE 9 or harder`;
      sentences = [
        `Fatigue is building up: ${signs}, ${weeks(decision.days ?? 0)} after your last deload or fresh start.`,
        `Take a lighter deload session of ${plan} (${reps(total)}, ${percent(total, basis.total_reps)}% of your last full session, ${basis.total_reps}); after it you resume where you were.`,
      ];
      break;
    }
    case 'resume_after_deload':
      sentences = [
        `Your last session was a deload, after ${was}${rpeNote}.`,
        `Now resume at that level: ${plan} (${reps(total)}).`,
      ];
      break;
    case 'restart_after_break': {
      const off = percent(basis.total_reps - total, basis.total_reps);
      sentences = [
        `It has been ${weeks(decision.days ?? 0)} since your last session; your last working session was ${was}.`,
        `Restart ${off}% lower at ${plan} (${reps(total)}) and build back up from there.`,
      ];
      break;
    }
    case 'retest_after_long_break': {
      const maxReps = decision.maxReps ?? 1;
      sentences = decision.estimatedMax
        ? [
            `It has been ${weeks(decision.days ?? 0)} since your last session, so this is a fresh start from your best set then (${maxReps}) as if it were your max: ${plan} (${reps(total)}).`,
            'Test your one-set max when you feel ready and give it to the coach, so the next plans fit you again.',
          ]
        : [
            `It has been ${weeks(decision.days ?? 0)} since your last session, so this is a fresh start from the max you gave (${maxReps}): ${plan} (${reps(total)}).`,
            firstSessionAdvice(maxReps),
          ];
      break;
    }
    case 'short_rest':
      sentences = [
        `Your last session (${was}${rpeNote}) was only ${hours} hours before this one.`,
        `With less than ${REST_HOURS} hours of rest this is a light session at about half of it: ${plan} (${reps(total)}).`,
      ];
      break;
    case 'first_session':
      sentences = [];
      break;
  }
  if (facts.modified && decision.rationale !== 'retest_after_long_break') {
    sentences.push('You changed my last plan, so this one builds on the reps you actually did.');
  } else if (bestSet(facts.history.slice(0, 1)) <= BEGINNER_MAX && sentences.length < 3) {
    if (!sentences.includes(BEGINNER_TIP)) sentences.push(BEGINNER_TIP);
  }
  return sentences.join(' ');
}
