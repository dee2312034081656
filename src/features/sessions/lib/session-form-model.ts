// The session form's state and its translation to what the database stores. Pure, so the
// rules can be read (and tested) apart from the screen.
import { allowedStatusesForDate, canTransition } from '@shared/session-rules';
import { calendarDay, calendarDaysFromToday, zonedDayToInstant } from '@shared/calendar-days';
import {
  MAX_DAYS_AHEAD,
  setsFromColumns,
  setsToColumns,
  type SessionStatus,
  type Sets,
} from '@shared/session-model';
import { sessionFormSchema } from '@shared/session-form-schema';
import type { SessionRow } from '@/lib/db';

export type FormMode = 'plan' | 'log';

export interface SessionFormState {
  /** Calendar day 'YYYY-MM-DD' in the athlete's time zone. */
  day: string;
  sets: Sets;
  status: SessionStatus;
  rpe: number | null;
}

export interface ExistingSession {
  status: SessionStatus;
  session_date: string;
}

export type SessionFieldErrors = Partial<
  Record<'session_date' | 'sets' | 'status' | 'rpe', string>
>;

export const STATUS_LABELS: Record<SessionStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
};

function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

export function initialFormState(mode: FormMode, now: Date, timeZone: string): SessionFormState {
  const today = calendarDay(now, timeZone);
  return mode === 'log'
    ? { day: shiftDay(today, -1), sets: [0, 0, 0, 0, 0], status: 'completed', rpe: null }
    : { day: today, sets: [0, 0, 0, 0, 0], status: 'planned', rpe: null };
}

export function formStateFromRow(row: SessionRow, timeZone: string): SessionFormState {
  return {
    day: calendarDay(new Date(row.session_date), timeZone),
    sets: setsFromColumns(row),
    status: row.status,
    rpe: row.rpe,
  };
}

export function maxPlannableDay(now: Date, timeZone: string): string {
  return shiftDay(calendarDay(now, timeZone), MAX_DAYS_AHEAD);
}

/** Statuses the form offers for a day: the date rule, forward-only edits, and never
 *  "in progress" for a new session (that is reached by starting the workout). */
export function statusOptions(
  day: string,
  now: Date,
  timeZone: string,
  existing?: ExistingSession,
): SessionStatus[] {
  const candidates: SessionStatus[] = existing
    ? (['planned', 'in_progress', 'completed', 'failed'] as const).filter(
        (status) =>
          canTransition(existing.status, status) &&
          (status !== 'in_progress' || existing.status === 'in_progress'),
      )
    : ['planned', 'completed', 'failed'];
  const rule = allowedStatusesForDate(day, now, timeZone);
  if (!rule.ok) return candidates;
  const unchangedDay = existing && calendarDay(new Date(existing.session_date), timeZone) === day;
  return candidates.filter(
    // Like the database, an unchanged date and status is not re-checked against the clock.
    (status) => rule.allowed.includes(status) || (unchangedDay && status === existing.status),
  );
}

/** The day's first allowed status when the current one no longer fits. */
export function withDay(
  state: SessionFormState,
  day: string,
  now: Date,
  timeZone: string,
  existing?: ExistingSession,
): SessionFormState {
  const options = statusOptions(day, now, timeZone, existing);
  const status = options.includes(state.status) ? state.status : (options[0] ?? state.status);
  return { ...state, day, status, rpe: status === 'completed' ? state.rpe : null };
}

/** The instant stored for the chosen day: now for today, local noon for another day. */
export function sessionInstant(day: string, now: Date, timeZone: string): Date {
  return calendarDaysFromToday(day, now, timeZone) === 0 ? now : zonedDayToInstant(day, timeZone);
}

/** The date the rules see: the stored one while the day is unchanged (edits), else the day. */
function draftDate(state: SessionFormState, timeZone: string, existing?: ExistingSession): string {
  if (existing && calendarDay(new Date(existing.session_date), timeZone) === state.day) {
    return existing.session_date;
  }
  return state.day;
}

export function sessionFormErrors(
  state: SessionFormState,
  now: Date,
  timeZone: string,
  existing?: ExistingSession,
): SessionFieldErrors {
  const result = sessionFormSchema({ now, timeZone, ...(existing ? { existing } : {}) }).safeParse({
    session_date: draftDate(state, timeZone, existing),
    sets: state.sets,
    status: state.status,
    rpe: state.status === 'completed' ? state.rpe : null,
  });
  if (result.success) return {};
  const errors: SessionFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'status') as keyof SessionFieldErrors;
    const key: keyof SessionFieldErrors =
      field in { session_date: 1, sets: 1, status: 1, rpe: 1 } ? field : 'sets';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The columns to write; the date only when it is new or changed (keeps the stored time). */
export function toColumns(
  state: SessionFormState,
  now: Date,
  timeZone: string,
  existing?: ExistingSession,
) {
  const unchangedDay =
    existing && calendarDay(new Date(existing.session_date), timeZone) === state.day;
  return {
    ...(unchangedDay
      ? {}
      : { session_date: sessionInstant(state.day, now, timeZone).toISOString() }),
    status: state.status,
    ...setsToColumns(state.sets),
    rpe: state.status === 'completed' ? state.rpe : null,
  };
}

/** Which checks before saving: logging a finished session, or planning one for today. */
export function needsRestCheck(state: SessionFormState, now: Date, timeZone: string): boolean {
  if (state.status === 'completed' || state.status === 'failed') return true;
  return state.status === 'planned' && calendarDaysFromToday(state.day, now, timeZone) === 0;
}
