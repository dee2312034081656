// Bodies the Edge Functions accept; strict objects, so an unknown field is a 400, not ignored.
import { z } from 'zod/mini';
import { MAX_REPS_PER_SET } from './session-model.ts';

const isoDateTime = z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 date-time.' });

export const generateSessionRequestSchema = z.strictObject({
  baseline_max_reps: z.optional(
    z
      .number()
      .check(
        z.int('baseline_max_reps must be a whole number.'),
        z.minimum(1, 'baseline_max_reps is at least 1.'),
        z.maximum(MAX_REPS_PER_SET, `baseline_max_reps is at most ${MAX_REPS_PER_SET}.`),
      ),
  ),
  session_date: z.optional(isoDateTime),
});

export type GenerateSessionRequest = z.infer<typeof generateSessionRequestSchema>;

export const TRACKED_EVENT_TYPES = [
  'rest_period_warning_shown',
  'rest_period_warning_ignored',
] as const;
export type TrackedEventType = (typeof TRACKED_EVENT_TYPES)[number];

/** Where in the SPA the warning appeared. */
const warningContext = z.enum(['session_form', 'start_session', 'generate_session']);

const hoursSinceLast = z
  .number()
  .check(
    z.minimum(0, 'hours_since_last cannot be negative.'),
    z.maximum(24 * 366, 'hours_since_last is out of range.'),
  );

export const restWarningShownDataSchema = z.strictObject({
  hours_since_last: hoursSinceLast,
  last_session_id: z.uuid('last_session_id must be a UUID.'),
  planned_date: z.optional(isoDateTime),
  context: z.optional(warningContext),
});

export const restWarningIgnoredDataSchema = z.strictObject({
  hours_since_last: hoursSinceLast,
  last_session_id: z.uuid('last_session_id must be a UUID.'),
  planned_date: z.optional(isoDateTime),
  context: z.optional(warningContext),
  /** The session the athlete went on to create or start despite the warning. */
  session_id: z.optional(z.uuid('session_id must be a UUID.')),
});

export const trackEventRequestSchema = z.discriminatedUnion('event_type', [
  z.strictObject({
    event_type: z.literal('rest_period_warning_shown'),
    event_data: restWarningShownDataSchema,
  }),
  z.strictObject({
    event_type: z.literal('rest_period_warning_ignored'),
    event_data: restWarningIgnoredDataSchema,
  }),
]);

export type TrackEventRequest = z.infer<typeof trackEventRequestSchema>;

/** The largest track-event body accepted, in bytes. */
export const TRACK_EVENT_MAX_BYTES = 4096;
