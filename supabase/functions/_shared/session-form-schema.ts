// The session form's schema: the column rules plus the session rules, which need the clock and
// the athlete's time zone.
import { z } from 'zod/mini';
import { rpeSchema, formSetSchema } from './column-rules.ts';
import { SESSION_STATUSES } from './session-model.ts';
import { sessionRuleViolations, type SessionRuleContext } from './session-rules.ts';

const sessionDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Enter a valid date (YYYY-MM-DD or an ISO date-time).',
});

export const sessionFieldsSchema = z.object({
  session_date: sessionDateSchema,
  sets: z.tuple([formSetSchema, formSetSchema, formSetSchema, formSetSchema, formSetSchema]),
  status: z.enum(SESSION_STATUSES),
  rpe: z.optional(z.nullable(rpeSchema)),
});

export type SessionFormValues = z.infer<typeof sessionFieldsSchema>;

/** The session form's schema; the rules need the clock and the athlete's time zone. */
export function sessionFormSchema(context: SessionRuleContext) {
  return sessionFieldsSchema.check(
    z.superRefine((values, ctx) => {
      for (const violation of sessionRuleViolations(values, context)) {
        ctx.addIssue({
          code: 'custom',
          message: violation.message,
          path: [violation.path],
          params: { rule: violation.rule },
          input: values,
        });
      }
    }),
  );
}
