// The session rules' codes and sentences. No imports, so the SPA's error messages can use
// them without loading the rules themselves (and zod) on the first screen.

/** Rule codes; the database ones reuse the trigger hints / constraint names. */
export type SessionRule =
  | 'session_date_invalid'
  | 'session_date_too_far_ahead'
  | 'session_future_must_be_planned'
  | 'session_past_must_be_finished'
  | 'session_status_transition'
  | 'sessions_completed_has_reps'
  | 'sessions_rpe_only_when_completed'
  | 'sessions_session_date_range';

export const SESSION_RULE_MESSAGES: Record<SessionRule, string> = {
  session_date_invalid: 'The session date is not a valid date.',
  session_date_too_far_ahead: 'A session can be planned at most 30 days ahead.',
  session_future_must_be_planned: 'A session on a future day can only be planned.',
  session_past_must_be_finished: 'A session on a past day can only be completed or failed.',
  session_status_transition:
    "A session's status only moves forward: planned → in progress → completed or failed.",
  sessions_completed_has_reps: 'A completed session needs at least one set with reps.',
  sessions_rpe_only_when_completed: 'RPE is recorded only for a completed session.',
  sessions_session_date_range: 'A session date must be on or after 1 January 2000.',
};

/** The one-active-session rule (unique index idx_one_active_session), as the athlete reads it. */
export const ONE_ACTIVE_SESSION_MESSAGE = 'You already have a planned or in-progress session.';
