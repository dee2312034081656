// The session rules shared by the SPA and the Edge Functions. The database enforces a 24 h
// tolerant version of the date rule (it does not know the athlete's time zone); here the exact
// calendar-day rule is applied in the athlete's own time zone. Zod-free: the form's schema
// (session-form-schema.ts) applies these.
import { calendarDayOf, calendarDaysFromToday, DATE_ONLY } from './calendar-days.ts';
import { SESSION_RULE_MESSAGES, type SessionRule } from './session-rule-messages.ts';
import {
  EARLIEST_SESSION_DAY,
  MAX_DAYS_AHEAD,
  SESSION_STATUSES,
  type SessionStatus,
} from './session-model.ts';

export { SESSION_RULE_MESSAGES, type SessionRule };

export interface RuleViolation {
  rule: SessionRule;
  path: string;
  message: string;
}

export type DateRuleResult =
  { ok: true; allowed: readonly SessionStatus[] } | { ok: false; rule: SessionRule };

/** Which statuses a session on this date may have (exact calendar-day rule). */
export function allowedStatusesForDate(
  value: string | Date,
  now: Date,
  timeZone: string,
): DateRuleResult {
  if (typeof value === 'string' && !DATE_ONLY.test(value) && Number.isNaN(Date.parse(value))) {
    return { ok: false, rule: 'session_date_invalid' };
  }
  const days = calendarDaysFromToday(value, now, timeZone);
  if (Number.isNaN(days)) return { ok: false, rule: 'session_date_invalid' };
  if (calendarDayOf(value, timeZone) < EARLIEST_SESSION_DAY) {
    return { ok: false, rule: 'sessions_session_date_range' };
  }
  if (days > MAX_DAYS_AHEAD) return { ok: false, rule: 'session_date_too_far_ahead' };
  if (days > 0) return { ok: true, allowed: ['planned'] };
  if (days < 0) return { ok: true, allowed: ['completed', 'failed'] };
  return { ok: true, allowed: SESSION_STATUSES };
}

export function checkSessionDate(
  value: string | Date,
  status: SessionStatus,
  now: Date,
  timeZone: string,
): SessionRule | null {
  const result = allowedStatusesForDate(value, now, timeZone);
  if (!result.ok) return result.rule;
  if (result.allowed.includes(status)) return null;
  return result.allowed.includes('planned')
    ? 'session_future_must_be_planned'
    : 'session_past_must_be_finished';
}

const FORWARD: Record<SessionStatus, readonly SessionStatus[]> = {
  planned: ['in_progress', 'completed', 'failed'],
  in_progress: ['completed', 'failed'],
  completed: [],
  failed: [],
};

/** Forward-only lifecycle; staying in the same status is not a transition. */
export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return from === to || FORWARD[from].includes(to);
}

export interface SessionDraft {
  session_date: string;
  sets: readonly number[];
  status: SessionStatus;
  rpe?: number | null;
}

export interface SessionRuleContext {
  now: Date;
  timeZone: string;
  /** The stored session when editing; like the database, the date rule is then checked only
   *  when the status or the date changes. */
  existing?: { status: SessionStatus; session_date: string };
}

export function sessionRuleViolations(
  draft: SessionDraft,
  context: SessionRuleContext,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const add = (rule: SessionRule, path: string, message = SESSION_RULE_MESSAGES[rule]) =>
    violations.push({ rule, path, message });
  const { existing } = context;

  if (existing && !canTransition(existing.status, draft.status)) {
    add(
      'session_status_transition',
      'status',
      `A session's status only moves forward: ${existing.status} cannot become ${draft.status}.`,
    );
  }
  const dateOrStatusChanged =
    !existing || existing.status !== draft.status || existing.session_date !== draft.session_date;
  if (dateOrStatusChanged) {
    const rule = checkSessionDate(draft.session_date, draft.status, context.now, context.timeZone);
    if (rule) add(rule, 'session_date');
  }
  if (draft.status === 'completed' && !draft.sets.some((reps) => reps > 0)) {
    add('sessions_completed_has_reps', 'sets');
  }
  if (draft.rpe != null && draft.status !== 'completed') {
    add('sessions_rpe_only_when_completed', 'rpe');
  }
  return violations;
}
