// Where the coach's plan comes from: an OpenAI-compatible chat-completions API when
// AI_API_KEY is set, otherwise the built-in rule-based coach. Either way the answer is
// untrusted until aiPlanSchema (shape) and boundPlan (safety) have passed it.
import { aiPlanSchema } from '../ai-plan-schema.ts';
import { planNextSession, RULE_BASED_COACH_MODEL } from '../coach.ts';
import { PLAN_INTENTS, type PlanIntent, type SessionRecord } from '../session-model.ts';

export interface CoachRequest {
  history: SessionRecord[];
  baselineMaxReps?: number;
  plannedDate: Date;
  now: Date;
}

export interface ProposedPlan {
  sets: number[];
  comment: string;
  /** Recorded with the session (sessions.ai_intent) so the coach can read it back. */
  intent?: PlanIntent | null;
}

export interface CoachProvider {
  model: string;
  propose(request: CoachRequest, signal: AbortSignal): Promise<ProposedPlan>;
}

/** The provider failed or answered something unusable: the attempt's outcome is `error`. */
export class AiProviderError extends Error {
  constructor(
    readonly errorType: 'provider_error' | 'invalid_output',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AiProviderError';
  }
}

export const ruleBasedCoach: CoachProvider = {
  model: RULE_BASED_COACH_MODEL,
  propose(request) {
    const plan = planNextSession({
      history: request.history,
      now: request.now,
      plannedDate: request.plannedDate,
      ...(request.baselineMaxReps === undefined
        ? {}
        : { baselineMaxReps: request.baselineMaxReps }),
    });
    return Promise.resolve({ sets: [...plan.sets], comment: plan.comment, intent: plan.intent });
  },
};

const SYSTEM_PROMPT = [
  'You are a strength coach planning the next body-weight pull-up session: exactly five sets, each a whole number of reps from 1 to 60.',
  'Method: start a new athlete at no more than half their one-set max, tapering (a max of 4 or less: singles and doubles, growing one rep at a time); when every set was hit at RPE 8 or less, add about one rep to some sets (total volume up by at most 10 %);',
  'after a very hard session (RPE 9-10) repeat the plan; after a miss (failed, or sets left empty) hold at the level last done in full, then take a smaller step than the one that failed; two misses in a row: step down about 10 %;',
  'deload (about 60 % of the volume) after 5 weeks of build-up, or on fatigue (two misses or three RPE 9+ sessions of the last three) but never sooner than 4 weeks after the last deload unless the athlete failed three times in a row; after a deload resume the level before it, never above;',
  'after 2-4 weeks off restart 15 % lower, after 4-8 weeks 30 % lower, after 8 weeks or more start afresh from a new max like a first session;',
  'with less than 24 hours of rest plan at most half the last session, and say so. Never plan a set more than two reps above the best set, nor three above the same set last time.',
  `Each past session carries coach_intent, why the coach planned it (${PLAN_INTENTS.join(', ')}); a deload or short_rest session is never a stall.`,
  'Answer with JSON only: {"sets": [five integers], "intent": "one of those intents", "comment": "2 to 3 sentences for the athlete that cite their own numbers: what changed and why"}.',
].join(' ');

const RESPONSE_SCHEMA = {
  name: 'pull_up_session_plan',
  strict: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['sets', 'intent', 'comment'],
    properties: {
      sets: {
        type: 'array',
        minItems: 5,
        maxItems: 5,
        items: { type: 'integer', minimum: 1, maximum: 60 },
      },
      intent: { type: 'string', enum: PLAN_INTENTS },
      comment: { type: 'string', maxLength: 500 },
    },
  },
};

function describeRequest(request: CoachRequest): string {
  return JSON.stringify({
    planned_date: request.plannedDate.toISOString(),
    baseline_max_reps: request.baselineMaxReps ?? null,
    recent_sessions_newest_first: request.history.map((s) => ({
      date: s.session_date,
      status: s.status,
      sets: s.sets,
      total_reps: s.total_reps,
      rpe: s.rpe,
      planned_by_coach: s.is_ai_generated,
      changed_by_athlete: s.is_modified,
      coach_intent: s.intent ?? null,
    })),
  });
}

export function openAiCompatibleCoach(options: {
  baseUrl: string;
  apiKey: string;
  model: string;
  fetch?: typeof fetch;
}): CoachProvider {
  const doFetch = options.fetch ?? fetch;
  const endpoint = `${options.baseUrl.replace(/\/$/, '')}/chat/completions`;
  return {
    model: options.model,
    async propose(request, signal) {
      const response = await doFetch(endpoint, {
        method: 'POST',
        signal,
        headers: {
          Authorization: `Bearer ${options.apiKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          model: options.model,
          temperature: 0.2,
          response_format: { type: 'json_schema', json_schema: RESPONSE_SCHEMA },
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: describeRequest(request) },
          ],
        }),
      });
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 500);
        throw new AiProviderError(
          'provider_error',
          `AI provider answered ${response.status}: ${detail}`,
        );
      }
      const payload = (await response.json().catch(() => null)) as {
        choices?: { message?: { content?: unknown } }[];
      } | null;
      const content = payload?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') {
        throw new AiProviderError('invalid_output', 'AI provider answer has no message content');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch (cause) {
        throw new AiProviderError('invalid_output', 'AI provider answer is not JSON', { cause });
      }
      const result = aiPlanSchema.safeParse(parsed);
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
        throw new AiProviderError(
          'invalid_output',
          `AI provider answer failed validation: ${issues.join('; ')}`,
        );
      }
      return {
        sets: [...result.data.sets],
        comment: result.data.comment,
        intent: result.data.intent ?? null,
      };
    },
  };
}

/** The provider the environment asks for: the LLM when AI_API_KEY is set, else the rules. */
export function providerFromEnv(env: Record<string, string | undefined>): CoachProvider {
  if (!env.AI_API_KEY) return ruleBasedCoach;
  return openAiCompatibleCoach({
    baseUrl: env.AI_BASE_URL || 'https://api.openai.com/v1',
    apiKey: env.AI_API_KEY,
    model: env.AI_MODEL || 'gpt-4o-mini',
  });
}

export const DEFAULT_AI_TIMEOUT_MS = 15_000;

export function timeoutFromEnv(env: Record<string, string | undefined>): number {
  const value = Number(env.AI_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_AI_TIMEOUT_MS;
}
