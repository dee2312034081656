// What a session column may hold, once for the SPA's forms, its writes and the functions.
// The database's checks (migrations) are the last word; these say the same thing earlier.
import { z } from 'zod/mini';
import { MAX_REPS_PER_SET, SESSION_STATUSES } from './session-model.ts';

export { MAX_REPS_PER_SET };

/** A set as the forms hold it: 0..60 reps, 0 = not done. */
export const formSetSchema = z
  .number()
  .check(
    z.int('Reps must be a whole number.'),
    z.minimum(0, 'Reps cannot be negative.'),
    z.maximum(MAX_REPS_PER_SET, `A set has at most ${MAX_REPS_PER_SET} reps.`),
  );

export const rpeSchema = z
  .number()
  .check(
    z.int('RPE is a whole number from 1 to 10.'),
    z.minimum(1, 'RPE is a whole number from 1 to 10.'),
    z.maximum(10, 'RPE is a whole number from 1 to 10.'),
  );

/** A set as stored: 1..60 reps, or null for a set not done. */
export const storedSetSchema = z.nullable(
  z.number().check(z.int(), z.minimum(1), z.maximum(MAX_REPS_PER_SET)),
);

/** session_date as written: an ISO 8601 date-time with its offset. */
export const sessionDateTimeSchema = z.iso.datetime({ offset: true });

/**
 * The columns the athlete may change on a session. Every field is optional: a workout sends
 * only what changed (merged while offline), a form sends them all. The AI columns are the
 * coach's (the database refuses them from the athlete).
 */
export const sessionPatchSchema = z.object({
  status: z.optional(z.enum(SESSION_STATUSES)),
  session_date: z.optional(sessionDateTimeSchema),
  set_1: z.optional(storedSetSchema),
  set_2: z.optional(storedSetSchema),
  set_3: z.optional(storedSetSchema),
  set_4: z.optional(storedSetSchema),
  set_5: z.optional(storedSetSchema),
  rpe: z.optional(z.nullable(rpeSchema)),
});

export type SessionPatch = z.infer<typeof sessionPatchSchema>;
