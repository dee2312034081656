// Session rules shared by the SPA and the Edge Functions. The database enforces a 24 h
// tolerant version of the date rule (it does not know the athlete's time zone); here the
// exact calendar-day rule is applied in the athlete's own IANA time zone.
import { z } from 'zod/mini';
import { Constants, type Database } from './database.types.ts';

export const SESSION_STATUSES = ['planned', 'in_progress', 'completed', 'failed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type FinishedStatus = 'completed' | 'failed';

export const SET_COUNT = 5;
export const MAX_REPS_PER_SET = 60;
export const MAX_DAYS_AHEAD = 30;
export const REST_HOURS = 24;
/** The database's sessions_session_date_range starts here (UTC); the form checks the day. */
export const EARLIEST_SESSION_DAY = '2000-01-01';

/** Why the coach planned a session (sessions.ai_intent); null for the athlete's own plans. */
export type PlanIntent = Database['public']['Enums']['plan_intent'];
export const PLAN_INTENTS = Constants.public.Enums.plan_intent;

/** Five sets as the UI holds them: 0..60 reps each, 0 = not done (stored as null). */
export type Sets = [number, number, number, number, number];

/** A session as the coach and the warnings read it (mirrors public.sessions). */
export interface SessionRecord {
  id?: string;
  /** ISO 8601 date-time (timestamptz). */
  session_date: string;
  sets: Sets;
  total_reps: number;
  rpe: number | null;
  status: SessionStatus;
  is_ai_generated: boolean;
  is_modified: boolean;
  /** The coach's reason for planning it (absent or null: not planned by the coach). */
  intent?: PlanIntent | null;
}

/** The sets as public.sessions stores them: 1..60 or null. */
export interface SetColumns {
  set_1: number | null;
  set_2: number | null;
  set_3: number | null;
  set_4: number | null;
  set_5: number | null;
}

export type SessionRow = SetColumns & {
  id?: string;
  session_date: string;
  total_reps: number;
  rpe: number | null;
  status: SessionStatus;
  is_ai_generated?: boolean;
  is_modified?: boolean;
  ai_intent?: PlanIntent | null;
};

export function setsFromColumns(row: SetColumns): Sets {
  return [row.set_1 ?? 0, row.set_2 ?? 0, row.set_3 ?? 0, row.set_4 ?? 0, row.set_5 ?? 0];
}

export function setsToColumns(sets: Sets): SetColumns {
  const stored = sets.map((reps) => (reps > 0 ? reps : null));
  return {
    set_1: stored[0] ?? null,
    set_2: stored[1] ?? null,
    set_3: stored[2] ?? null,
    set_4: stored[3] ?? null,
    set_5: stored[4] ?? null,
  };
}

export function sessionRecordFromRow(row: SessionRow): SessionRecord {
  return {
    ...(row.id === undefined ? {} : { id: row.id }),
    session_date: row.session_date,
    sets: setsFromColumns(row),
    total_reps: row.total_reps,
    rpe: row.rpe,
    status: row.status,
    is_ai_generated: row.is_ai_generated ?? false,
    is_modified: row.is_modified ?? false,
    intent: row.ai_intent ?? null,
  };
}

export function totalReps(sets: readonly number[]): number {
  return sets.reduce((sum, reps) => sum + reps, 0);
}

export function isFinished(status: SessionStatus): status is FinishedStatus {
  return status === 'completed' || status === 'failed';
}

// --- Calendar days in the athlete's time zone -----------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The runtime's own time zone (in the SPA: the athlete's phone), read with Date's local-time
 * methods instead of Intl. Why: a page's first Intl call starts ICU, ~40–50 ms of main thread
 * in Chromium (~200 ms on a slow phone), which the first screen should not pay to know what
 * day it is. Functions always name an IANA zone.
 */
export const LOCAL_TIME_ZONE = 'local';

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === LOCAL_TIME_ZONE) return true;
  try {
    dayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function zonedParts(instant: Date, timeZone: string): Record<string, number> {
  if (timeZone === LOCAL_TIME_ZONE) {
    return {
      year: instant.getFullYear(),
      month: instant.getMonth() + 1,
      day: instant.getDate(),
      hour: instant.getHours(),
      minute: instant.getMinutes(),
      second: instant.getSeconds(),
    };
  }
  const parts: Record<string, number> = {};
  for (const part of dayFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The calendar day ('YYYY-MM-DD') of an instant in an IANA time zone. */
export function calendarDay(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const pad = (n: number | undefined, width = 2) => String(n ?? 0).padStart(width, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Calendar day of a form value: a plain 'YYYY-MM-DD' already is one, a date-time is converted. */
export function calendarDayOf(value: string | Date, timeZone: string): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  return calendarDay(typeof value === 'string' ? new Date(value) : value, timeZone);
}

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

/** Whole calendar days from `now` to `value` in the time zone (0 = today, 1 = tomorrow, -1 = yesterday). */
export function calendarDaysFromToday(value: string | Date, now: Date, timeZone: string): number {
  return dayNumber(calendarDayOf(value, timeZone)) - dayNumber(calendarDay(now, timeZone));
}

/** The instant at a local wall-clock time on a calendar day in a time zone (noon by default). */
export function zonedDayToInstant(day: string, timeZone: string, hour = 12): Date {
  const wanted = dayNumber(day) * DAY_MS + hour * HOUR_MS;
  // Two passes settle the offset even on a day whose offset changes (DST).
  let instant = wanted;
  for (let pass = 0; pass < 2; pass += 1) {
    const p = zonedParts(new Date(instant), timeZone);
    const shown = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
    instant += wanted - shown;
  }
  return new Date(instant);
}

// --- The rules ---------------------------------------------------------------------------

// Rule codes and their sentences live apart, free of zod, for the SPA's error messages.
export { SESSION_RULE_MESSAGES, type SessionRule } from './session-rule-messages.ts';
import { SESSION_RULE_MESSAGES, type SessionRule } from './session-rule-messages.ts';

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

// --- zod: the session form -----------------------------------------------------------------

const setSchema = z
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

const sessionDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Enter a valid date (YYYY-MM-DD or an ISO date-time).',
});

export const sessionFieldsSchema = z.object({
  session_date: sessionDateSchema,
  sets: z.tuple([setSchema, setSchema, setSchema, setSchema, setSchema]),
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

// --- Rest between sessions -------------------------------------------------------------------

/** The latest completed/failed session dated at or before `at`. */
export function lastFinishedSession(
  history: readonly SessionRecord[],
  at: Date,
): SessionRecord | null {
  let latest: SessionRecord | null = null;
  for (const session of history) {
    if (!isFinished(session.status)) continue;
    const time = Date.parse(session.session_date);
    if (time > at.getTime()) continue;
    if (!latest || time > Date.parse(latest.session_date)) latest = session;
  }
  return latest;
}

/** Hours from the last completed/failed session to `at`; null without one. */
export function hoursSinceLastFinished(history: readonly SessionRecord[], at: Date): number | null {
  const last = lastFinishedSession(history, at);
  return last ? (at.getTime() - Date.parse(last.session_date)) / HOUR_MS : null;
}

export interface RestWarning {
  hoursSinceLast: number;
  lastSessionId: string | null;
  lastSessionDate: string;
}

/** Less than 24 h between the last completed/failed session and the planned date. */
export function restWarning(
  history: readonly SessionRecord[],
  plannedDate: Date,
): RestWarning | null {
  const last = lastFinishedSession(history, plannedDate);
  if (!last) return null;
  const hours = (plannedDate.getTime() - Date.parse(last.session_date)) / HOUR_MS;
  if (hours >= REST_HOURS) return null;
  return {
    hoursSinceLast: Math.round(hours * 10) / 10,
    lastSessionId: last.id ?? null,
    lastSessionDate: last.session_date,
  };
}

/** Completed/failed sessions on the same calendar day as `date` (seed query 8). */
export function sameDayWarning(
  history: readonly SessionRecord[],
  date: string | Date,
  timeZone: string,
): { sessions: SessionRecord[] } | null {
  const day = calendarDayOf(date, timeZone);
  const sessions = history.filter(
    (session) =>
      isFinished(session.status) && calendarDayOf(session.session_date, timeZone) === day,
  );
  return sessions.length > 0 ? { sessions } : null;
}
