// The built-in rule-based coach: double progression (add a rep to the lighter sets once every set
// was done), autoregulated by session RPE, with deloads on a stall or after ~5 weeks of gains.
// The method and its numbers are described in COACH.md.
import { boundPlan, planBoundsContext } from './plan-bounds.ts';
import { REST_HOURS, SET_COUNT, type SessionRecord, type Sets } from './session-rules.ts';
import {
  daysBetween,
  findStall,
  findSteadyBlock,
  hoursBetween,
  isLightSession,
  isMiss,
  recentFinished,
  reshapeToTotal,
  scaleToTotal,
  spreadTotal,
  type Stall,
  type SteadyBlock,
} from './training-history.ts';

export const RULE_BASED_COACH_MODEL = 'rule-based-coach-v1';

/** Days off after which the athlete restarts below the last level, and the step down. */
export const BREAK_DAYS = 14;
export const LONG_BREAK_DAYS = 28;
export const BREAK_STEP_DOWN = 0.1;
export const LONG_BREAK_STEP_DOWN = 0.2;
/** Step down after two misses in a row. */
export const MISS_STEP_DOWN = 0.1;
/** Share of the last session's volume kept in a deload. */
export const DELOAD_VOLUME = 0.6;

export type CoachRationale =
  | 'first_session'
  | 'step_up'
  | 'repeat_hard'
  | 'hold_after_miss'
  | 'step_down_two_misses'
  | 'deload_stall'
  | 'deload_block'
  | 'resume_after_deload'
  | 'restart_after_break'
  | 'hold_short_rest';

export interface CoachInput {
  /** Completed/failed sessions, newest first, up to ten (others are filtered out). */
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
}

export class CoachInputError extends Error {
  readonly code = 'baseline_required';
  constructor() {
    super('A first session needs the athlete’s baseline max reps.');
    this.name = 'CoachInputError';
  }
}

/** First session from a one-set max M: the top sets at about M/2, tapering by ~10 % of that. */
export function firstSessionSets(maxReps: number): Sets {
  const top = Math.max(1, Math.round(maxReps / 2));
  const step = Math.max(1, Math.round(top * 0.1));
  const at = (drop: number) => Math.max(1, top - drop);
  return [top, top, at(step), at(step), at(2 * step)];
}

/** How many sets get one more rep after a session where every set was done. */
export function stepUpReps(total: number, rpe: number | null): number {
  if (rpe === null) return 1;
  const share = rpe <= 6 ? 0.1 : 0.05;
  const rounded = rpe <= 6 ? Math.floor(total * share) : Math.round(total * share);
  return Math.min(SET_COUNT, Math.max(1, rounded));
}

/** One more rep on each of the `count` lowest sets (earlier set first on a tie). */
export function addRepToLowest(sets: Sets, count: number): Sets {
  const order = sets
    .map((reps, index) => ({ reps, index }))
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
  const target = Math.max(SET_COUNT, Math.round(session.total_reps * factor));
  return scaleToTotal(workingSets(session), Math.min(target, session.total_reps));
}

interface Decision {
  sets: Sets;
  rationale: CoachRationale;
  stall?: Stall;
  block?: SteadyBlock;
}

function decide(history: SessionRecord[], at: Date): Decision {
  const last = history[0] as SessionRecord;
  const before = history[1];

  if (daysBetween(last.session_date, at) >= BREAK_DAYS) {
    const long = daysBetween(last.session_date, at) >= LONG_BREAK_DAYS;
    return {
      sets: scaled(last, 1 - (long ? LONG_BREAK_STEP_DOWN : BREAK_STEP_DOWN)),
      rationale: 'restart_after_break',
    };
  }
  if (before && isLightSession(history, 0)) {
    return { sets: workingSets(before), rationale: 'resume_after_deload' };
  }
  const stall = findStall(history);
  if (stall) return { sets: scaled(last, DELOAD_VOLUME), rationale: 'deload_stall', stall };
  const block = findSteadyBlock(history);
  if (block) return { sets: scaled(last, DELOAD_VOLUME), rationale: 'deload_block', block };

  if (isMiss(last)) {
    if (before && isMiss(before)) {
      const target = Math.min(
        last.total_reps - 1,
        Math.round(last.total_reps * (1 - MISS_STEP_DOWN)),
      );
      return {
        sets: scaleToTotal(workingSets(last), Math.max(SET_COUNT, target)),
        rationale: 'step_down_two_misses',
      };
    }
    return { sets: workingSets(last), rationale: 'hold_after_miss' };
  }
  if (last.rpe !== null && last.rpe >= 9) {
    return { sets: [...last.sets] as Sets, rationale: 'repeat_hard' };
  }
  return {
    sets: addRepToLowest(last.sets, stepUpReps(last.total_reps, last.rpe)),
    rationale: 'step_up',
  };
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
    return { sets, rationale: 'first_session', comment: firstSessionComment(maxReps, sets) };
  }

  let decision = decide(history, at);
  const hoursSinceLast = hoursBetween(last.session_date, at);
  const shortRest = hoursSinceLast < REST_HOURS;
  if (shortRest && sum(decision.sets) > last.total_reps) {
    decision = {
      sets: reshapeToTotal(workingSets(last), Math.max(SET_COUNT, last.total_reps)),
      rationale: 'hold_short_rest',
    };
  }
  // The same bounds as an LLM's plan; the rules above already stay inside them.
  const sets = boundPlan({ sets: decision.sets }, boundsContext).sets;
  const comment = buildComment({
    decision: { ...decision, sets },
    history,
    hoursSinceLast,
    shortRest,
    modified:
      (input.lastPlanWasAi ?? last.is_ai_generated) && (input.lastPlanModified ?? last.is_modified),
  });
  return { sets, rationale: decision.rationale, comment };
}

// --- The comment: 2–3 sentences citing the athlete's own numbers ----------------------------------

function sum(sets: readonly number[]): number {
  return sets.reduce((total, reps) => total + reps, 0);
}

function show(sets: readonly number[]): string {
  return sets.join('-');
}

function firstSessionComment(maxReps: number, sets: Sets): string {
  return (
    `You can do ${maxReps} pull-up${maxReps === 1 ? '' : 's'} in one set, so this first session is five sets at about half of that: ${show(sets)} (${sum(sets)} reps). ` +
    'Stop each set with a rep or two in reserve and record how hard it felt, so the next plan can build on it.'
  );
}

interface CommentFacts {
  decision: Decision;
  history: SessionRecord[];
  hoursSinceLast: number;
  shortRest: boolean;
  modified: boolean;
}

function buildComment(facts: CommentFacts): string {
  const { decision, history } = facts;
  const last = history[0] as SessionRecord;
  const before = history[1];
  const plan = show(decision.sets);
  const total = sum(decision.sets);
  const lastTotal = last.total_reps;
  const rpeNote = last.rpe === null ? '' : ` at RPE ${last.rpe}`;
  const hours = Math.max(0, Math.floor(facts.hoursSinceLast));
  let sentences: string[];

  switch (decision.rationale) {
    case 'step_up': {
      const added = total - lastTotal;
      sentences =
        last.rpe === null
          ? [
              `You completed all five sets last time (${show(last.sets)}, ${lastTotal} reps) but recorded no RPE.`,
              `This plan adds a single rep to be safe: ${plan} (${total} reps).`,
            ]
          : [
              `You completed all five sets last time (${show(last.sets)}, ${lastTotal} reps) at RPE ${last.rpe}, which leaves reps in reserve.`,
              `This plan adds one rep to ${added === 1 ? 'one set' : `${added} sets`}: ${plan} (${total} reps, +${Math.round((added / lastTotal) * 100)}%).`,
            ];
      break;
    }
    case 'repeat_hard':
      sentences = [
        `You completed ${show(last.sets)} (${lastTotal} reps), but RPE ${last.rpe} means you had at most a rep in reserve.`,
        `Repeat the same ${total} reps until they feel easier before adding more.`,
      ];
      break;
    case 'hold_after_miss':
      sentences =
        last.status === 'failed'
          ? [
              `Your last session was marked failed at ${lastTotal} reps (${show(last.sets)}).`,
              `This plan holds at ${total} reps (${plan}) so you can complete every set before we progress.`,
            ]
          : [
              `Last time you recorded ${last.sets.filter((reps) => reps > 0).length} of 5 sets (${show(last.sets)}, ${lastTotal} reps).`,
              `This plan spreads ${total} reps over all five sets: ${plan}, so you can complete each one before we progress.`,
            ];
      break;
    case 'step_down_two_misses':
      sentences = [
        `Your last two sessions fell short (${lastTotal} and ${before?.total_reps ?? 0} reps).`,
        `This plan steps down about 10% to ${plan} (${total} reps) to rebuild from a level you can complete.`,
      ];
      break;
    case 'deload_stall': {
      const stall = decision.stall as Stall;
      sentences = [
        `Your last three totals (${stall.totals.join(', ')} reps) did not beat the ${stall.reference} reps before them.`,
        `Take a lighter deload session of ${plan} (${total} reps, about ${Math.round((total / lastTotal) * 100)}% of your last ${lastTotal}); after it you resume where you were.`,
      ];
      break;
    }
    case 'deload_block': {
      const block = decision.block as SteadyBlock;
      sentences = [
        `You have built up for ${Math.round(block.days / 7)} weeks, from ${block.fromTotal} to ${block.toTotal} reps per session.`,
        `Take a lighter deload session of ${plan} (${total} reps, about ${Math.round((total / lastTotal) * 100)}% of your last ${lastTotal}) to recover; after it you resume where you were.`,
      ];
      break;
    }
    case 'resume_after_deload':
      sentences = [
        `Your last session was a lighter one (${lastTotal} reps) after ${before?.total_reps ?? 0} reps on ${show(before?.sets ?? [])}.`,
        `Now resume at that level: ${plan} (${total} reps).`,
      ];
      break;
    case 'restart_after_break': {
      const off = Math.round((1 - total / Math.max(1, lastTotal)) * 100);
      sentences = [
        `It has been ${Math.floor(facts.hoursSinceLast / 24)} days since your last session (${show(last.sets)}, ${lastTotal} reps).`,
        `Restart about ${off}% lower at ${plan} (${total} reps) and build back up from there.`,
      ];
      break;
    }
    case 'hold_short_rest':
      sentences = [
        `Your last session (${show(last.sets)}, ${lastTotal} reps${rpeNote}) was only ${hours} hours before this one.`,
        `With less than 24 hours of rest this plan adds no volume: ${plan} (${total} reps).`,
      ];
      break;
    case 'first_session':
      sentences = [];
      break;
  }
  if (facts.shortRest && decision.rationale !== 'hold_short_rest') {
    sentences.push(
      `Only ${hours} hours have passed since your last session, so this plan adds no volume.`,
    );
  } else if (facts.modified) {
    sentences.push('You changed my last plan, so this one builds on the reps you actually did.');
  }
  return sentences.join(' ');
}
