// Rest between sessions: the warnings the SPA shows before a session less than 24 h after the
// last one, or on a day that already has one, and the hours the coach reads.
import { calendarDayOf, HOUR_MS } from './calendar-days.ts';
import { isFinished, REST_HOURS, type SessionRecord } from './session-model.ts';

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
