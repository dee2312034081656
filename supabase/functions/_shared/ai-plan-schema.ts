// The AI provider's answer is untrusted: this schema is the first gate, plan-bounds the second.
import { z } from 'zod/mini';
import { MAX_REPS_PER_SET, PLAN_INTENTS } from './session-model.ts';

export const AI_COMMENT_MAX_CHARS = 500;

/** Sentences in a short comment: runs of text ended by ., ! or ? followed by a space or the end. */
export function countSentences(text: string): number {
  return text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence)).length;
}

const plannedSet = z
  .number()
  .check(
    z.int('Each set is a whole number of reps.'),
    z.minimum(1, 'Each set has at least 1 rep.'),
    z.maximum(MAX_REPS_PER_SET, `Each set has at most ${MAX_REPS_PER_SET} reps.`),
  );

export const aiPlanSchema = z.object({
  sets: z.tuple([plannedSet, plannedSet, plannedSet, plannedSet, plannedSet], {
    error: 'sets must be exactly five numbers.',
  }),
  // Why the plan was made; optional, as a provider may not say (then the session has none).
  intent: z.optional(
    z.nullable(z.enum(PLAN_INTENTS, { error: 'intent is not a known plan intent.' })),
  ),
  comment: z.string().check(
    z.trim(),
    z.minLength(1, 'comment is empty.'),
    z.maxLength(AI_COMMENT_MAX_CHARS, `comment is longer than ${AI_COMMENT_MAX_CHARS} characters.`),
    z.refine(
      (comment) => {
        const sentences = countSentences(comment);
        return sentences >= 2 && sentences <= 3;
      },
      { error: 'comment must be 2 to 3 sentences.' },
    ),
  ),
});

export type AiPlan = z.infer<typeof aiPlanSchema>;
