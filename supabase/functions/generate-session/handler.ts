// POST /functions/v1/generate-session {baseline_max_reps?, session_date?}: the AI coach
// plans the athlete's next session.
//
// Order matters: validate the request, read the history and prepare everything the provider
// and the bounds need (no quota used), then reserve an attempt in the database
// (reserve_generation: active-session check and the 5-per-24-h limit, race-free), then ask
// the provider within AI_TIMEOUT_MS, clamp its plan to safe bounds, and record the outcome
// (finish_generation creates the session on success). A provider failure or timeout counts
// as an attempt; a failure on our side after the reservation releases it again.
import {
  AiProviderError,
  providerFromEnv,
  timeoutFromEnv,
  type CoachProvider,
} from '../_shared/server/ai-provider.ts';
import { generateSessionRequestSchema } from '../_shared/api-schemas.ts';
import {
  depsFromEnv,
  requireCaller,
  unwrap,
  type Caller,
  type FunctionDeps,
} from '../_shared/server/function-deps.ts';
import {
  HttpError,
  json,
  readJsonBody,
  requireMethod,
  serveJson,
  validate,
} from '../_shared/server/http.ts';
import { DAY_MS, HOUR_MS } from '../_shared/calendar-days.ts';
import { formatWait } from '../_shared/format-wait.ts';
import type { GenerateSessionResponse } from '../_shared/function-responses.ts';
import { boundPlan, planBoundsContext, type BoundReason } from '../_shared/plan-bounds.ts';
import { COACH_HISTORY_LIMIT } from '../_shared/training-history.ts';
import {
  MAX_DAYS_AHEAD,
  REST_HOURS,
  sessionRecordFromRow,
  type SessionRecord,
} from '../_shared/session-model.ts';
import { ONE_ACTIVE_SESSION_MESSAGE } from '../_shared/session-rule-messages.ts';

export interface GenerateSessionDeps extends FunctionDeps {
  coach: CoachProvider;
  aiTimeoutMs: number;
}

const HISTORY_COLUMNS =
  'id, session_date, set_1, set_2, set_3, set_4, set_5, total_reps, rpe, status, is_ai_generated, is_modified, ai_intent';

interface Reservation {
  outcome: 'reserved' | 'rate_limited' | 'active_session_exists';
  generation_id?: string;
  used?: number;
  limit?: number;
  next_slot_at?: string;
  session_id?: string;
}

class ProviderTimeout extends Error {
  constructor(ms: number) {
    super(`AI provider did not answer within ${ms} ms`);
    this.name = 'ProviderTimeout';
  }
}

export function generateSession(req: Request, deps: GenerateSessionDeps): Promise<Response> {
  return serveJson(req, deps, async () => {
    requireMethod(req, 'POST');
    const caller = await requireCaller(req, deps);
    const body = validate(generateSessionRequestSchema, (await readJsonBody(req, 2048)) ?? {});
    const now = deps.now();

    const history = await recentHistory(deps, caller);
    if (history.length === 0 && body.baseline_max_reps === undefined) {
      throw new HttpError(
        400,
        'baseline_required',
        'Tell the coach the most pull-ups you can do in one set (baseline_max_reps) for your first session.',
      );
    }
    const plannedDate = chooseDate(body.session_date, history, now);
    // What the coach plans from, and what its plan is bounded by.
    const planInput = {
      history,
      plannedDate,
      ...(body.baseline_max_reps === undefined ? {} : { baselineMaxReps: body.baseline_max_reps }),
    };
    const boundsContext = planBoundsContext(planInput);

    const reservation = unwrap(
      await deps.admin.rpc('reserve_generation', {
        p_user_id: caller.id,
        p_model: deps.coach.model,
      }),
    ) as unknown as Reservation;
    if (reservation.outcome === 'active_session_exists') {
      throw new HttpError(
        409,
        'active_session_exists',
        `${ONE_ACTIVE_SESSION_MESSAGE} Finish or delete it first.`,
        { session_id: reservation.session_id },
      );
    }
    if (reservation.outcome === 'rate_limited') {
      const retryAfter = Math.max(
        1,
        Math.ceil((Date.parse(reservation.next_slot_at!) - now.getTime()) / 1000),
      );
      throw new HttpError(
        429,
        'rate_limited',
        `You have used all ${reservation.limit} coach requests of the last 24 hours. The next one frees up in ${formatWait(retryAfter)}.`,
        { retry_after_seconds: retryAfter, next_slot_at: reservation.next_slot_at },
        { 'Retry-After': String(retryAfter) },
      );
    }
    const generationId = reservation.generation_id!;
    // Set once the attempt's outcome is recorded as counting (the provider failed or timed
    // out, the athlete planned meanwhile); any other failure from here on is ours.
    let counted = false;
    try {
      const started = performance.now();
      let proposal;
      try {
        proposal = await withTimeout(
          (signal) => deps.coach.propose({ ...planInput, now }, signal),
          deps.aiTimeoutMs,
        );
      } catch (error) {
        const durationMs = Math.round(performance.now() - started);
        const timedOut = error instanceof ProviderTimeout;
        counted = true;
        await recordFailure(deps, generationId, {
          status: timedOut ? 'timeout' : 'error',
          durationMs,
          errorType: timedOut
            ? 'timeout'
            : error instanceof AiProviderError
              ? error.errorType
              : 'provider_error',
          error,
        });
        if (timedOut) {
          throw new HttpError(
            504,
            'ai_timeout',
            'The coach took too long to answer. This attempt counts toward your limit; try again or plan the session yourself.',
          );
        }
        throw new HttpError(
          502,
          'ai_error',
          'The coach could not plan a session right now. This attempt counts toward your limit; try again or plan the session yourself.',
        );
      }
      const durationMs = Math.round(performance.now() - started);

      const bounded = boundPlan({ sets: proposal.sets }, boundsContext);
      const comment = bounded.adjusted
        ? cappedComment(bounded.sets, bounded.reasons)
        : storableText(proposal.comment);

      const finished = await deps.admin.rpc('finish_generation', {
        p_generation_id: generationId,
        p_status: 'success',
        p_duration_ms: durationMs,
        p_model: deps.coach.model,
        p_session: {
          session_date: plannedDate.toISOString(),
          sets: bounded.sets,
          ai_comment: comment,
          intent: proposal.intent ?? null,
        },
      });
      if (finished.error) {
        if (finished.error.code === '23505') {
          counted = true;
          await recordFailure(deps, generationId, {
            status: 'error',
            durationMs,
            errorType: 'session_insert_failed',
            error: new Error(`${finished.error.code}: ${finished.error.message}`),
          });
          throw new HttpError(
            409,
            'active_session_exists',
            'You planned another session while the coach was thinking. Finish or delete it first.',
          );
        }
        unwrap(finished); // throws: a 503 during an outage, else a 500
      }
      const session = (finished.data as Pick<GenerateSessionResponse, 'session'>).session;
      const used = reservation.used!;
      return json(201, {
        session,
        generation: { id: generationId, model: deps.coach.model, duration_ms: durationMs },
        bounds: { adjusted: bounded.adjusted, reasons: bounded.reasons },
        quota: {
          limit: reservation.limit!,
          used,
          remaining: Math.max(0, reservation.limit! - used),
          next_slot_at: reservation.next_slot_at ?? null,
        },
      } satisfies GenerateSessionResponse);
    } catch (error) {
      if (!counted) await releaseReservation(deps, generationId, error);
      throw error;
    }
  });
}

/** Gives the athlete's slot back: the attempt failed on our side, not theirs or the provider's. */
async function releaseReservation(
  deps: FunctionDeps,
  generationId: string,
  cause: unknown,
): Promise<void> {
  deps.log('generation_released', {
    generation_id: generationId,
    error: cause instanceof Error ? cause.message : String(cause),
  });
  const { error } = await deps.admin.from('generations').delete().eq('id', generationId);
  if (error) {
    deps.log('generation_release_failed', { generation_id: generationId, error: error.message });
  }
}

async function recentHistory(deps: FunctionDeps, caller: Caller): Promise<SessionRecord[]> {
  // Seed query 5, read as the athlete so RLS applies, with a longer window: the coach deloads by
  // the calendar and must see the last deload (weeks back) at four sessions a week.
  const rows = unwrap(
    await deps
      .userClient(caller.token)
      .from('sessions')
      .select(HISTORY_COLUMNS)
      .in('status', ['completed', 'failed'])
      .order('session_date', { ascending: false })
      .limit(COACH_HISTORY_LIMIT),
  );
  // A date the coach cannot compute with would fail the request after the quota is used:
  // such a row (the database bounds session_date, so none should exist) is left out.
  return (rows ?? [])
    .map(sessionRecordFromRow)
    .filter((record) => Number.isFinite(Date.parse(record.session_date)));
}

/**
 * The requested date if it lies between now (with the database's 24 h tolerance for time
 * zones) and 30 days ahead; otherwise no earlier than 24 h after the last finished session.
 */
function chooseDate(requested: string | undefined, history: SessionRecord[], now: Date): Date {
  if (requested !== undefined) {
    const date = new Date(requested);
    const earliest = now.getTime() - REST_HOURS * HOUR_MS;
    const latest = now.getTime() + MAX_DAYS_AHEAD * DAY_MS;
    if (date.getTime() < earliest || date.getTime() > latest) {
      throw new HttpError(
        400,
        'invalid_session_date',
        `session_date must be between today and ${MAX_DAYS_AHEAD} days ahead.`,
      );
    }
    return date;
  }
  const last = history[0];
  const rested = last ? Date.parse(last.session_date) + REST_HOURS * HOUR_MS : 0;
  return new Date(Math.max(now.getTime(), rested));
}

async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race answers on time even if the provider ignores the abort signal.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ProviderTimeout(ms));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function recordFailure(
  deps: FunctionDeps,
  generationId: string,
  failure: { status: 'timeout' | 'error'; durationMs: number; errorType: string; error: unknown },
): Promise<void> {
  const error = failure.error instanceof Error ? failure.error : new Error(String(failure.error));
  deps.log('ai_generation_failed', {
    generation_id: generationId,
    error_type: failure.errorType,
    error: error.message,
  });
  const { error: rpcError } = await deps.admin.rpc('finish_generation', {
    p_generation_id: generationId,
    p_status: failure.status,
    p_duration_ms: failure.durationMs,
    p_model: (deps as GenerateSessionDeps).coach.model,
    p_error_type: failure.errorType,
    p_error_message: error.message,
    ...(error.stack ? { p_error_stack: error.stack } : {}),
  });
  if (rpcError)
    deps.log('finish_generation_failed', { generation_id: generationId, error: rpcError.message });
}

/**
 * The provider's text as PostgreSQL can store it: without NUL and other control characters
 * (line breaks and tabs stay), lone surrogates replaced by U+FFFD. Otherwise recording a
 * good plan would fail on our side.
 */
function storableText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}

const REASON_TEXT: Partial<Record<BoundReason, string>> = {
  above_best_set: 'no set goes more than two reps above your best set',
  above_same_set: 'no set goes more than three reps above the same set last time',
  first_session_set: 'a first session stays at about half your max per set',
  first_session_volume: 'a first session stays at about half your max per set',
  volume_jump: 'total volume grows by at most 10 % per session',
  no_increase_after_miss: 'volume does not grow right after a missed session',
  no_increase_after_hard_session: 'volume does not grow right after a very hard session',
  above_pre_deload: 'after a deload you return to the level before it, not above',
  restart_cut: 'after a break you restart below your last level',
  short_rest_volume: 'with less than 24 hours of rest a session is about half the last one',
};

/** When the bounds changed the coach's plan, its comment no longer fits: say what happened. */
function cappedComment(sets: number[], reasons: BoundReason[]): string {
  const why = reasons.map((r) => REASON_TEXT[r]).filter(Boolean);
  const total = sets.reduce((sum, reps) => sum + reps, 0);
  return (
    `Plan for today: ${sets.join('-')} (${total} reps). ` +
    `The coach's suggestion was trimmed to stay safe: ${why.length ? why.join('; ') : 'every set is 1 to 60 reps'}.`
  );
}

export const handler = (req: Request) => {
  const deps = depsFromEnv(() => Deno.env.toObject());
  return generateSession(req, {
    ...deps,
    coach: providerFromEnv(deps.env),
    aiTimeoutMs: timeoutFromEnv(deps.env),
  });
};
