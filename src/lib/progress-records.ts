// Progress calculations over the athlete's finished sessions: per-session points, weekly
// volume, weekly RPE, personal records and which records a session set. Pure, so the progress
// screen and the workout's finish screen agree, and histories with known answers can test them.
// Weeks are calendar weeks in the athlete's own time zone, starting on Monday.
import { calendarDay, DAY_MS } from '@shared/calendar-days';
import type { SetColumns } from '@shared/session-model';

/** A finished session as the progress calculations read it (the columns the query selects). */
export type ProgressSession = SetColumns & {
  id: string;
  /** ISO 8601 date-time (timestamptz). */
  session_date: string;
  status: 'completed' | 'failed';
  total_reps: number;
  rpe: number | null;
};

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

function dayFromNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// 1970-01-01 was a Thursday: shifting by 3 days makes week 0 start on Monday 1969-12-29.
const weekIndexOfDay = (day: string) => Math.floor((dayNumber(day) + 3) / 7);
const weekStartOfIndex = (week: number) => dayFromNumber(week * 7 - 3);

/** The Monday ('YYYY-MM-DD') of the week holding a calendar day. */
export function weekStartOf(day: string): string {
  return weekStartOfIndex(weekIndexOfDay(day));
}

export function bestSetOf(session: SetColumns): number {
  return Math.max(
    session.set_1 ?? 0,
    session.set_2 ?? 0,
    session.set_3 ?? 0,
    session.set_4 ?? 0,
    session.set_5 ?? 0,
  );
}

/** Oldest first; the id breaks ties so the order never depends on the query's. */
export function chronological<T extends ProgressSession>(sessions: readonly T[]): T[] {
  return [...sessions].sort(
    (a, b) =>
      Date.parse(a.session_date) - Date.parse(b.session_date) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export interface SessionPoint {
  id: string;
  session_date: string;
  /** Calendar day in the athlete's time zone. */
  day: string;
  status: 'completed' | 'failed';
  totalReps: number;
  bestSet: number;
}

/** One point per finished session, oldest first: the "per session" charts. */
export function sessionPoints(
  sessions: readonly ProgressSession[],
  timeZone: string,
): SessionPoint[] {
  return chronological(sessions).map((session) => ({
    id: session.id,
    session_date: session.session_date,
    day: calendarDay(new Date(session.session_date), timeZone),
    status: session.status,
    totalReps: session.total_reps,
    bestSet: bestSetOf(session),
  }));
}

export interface WeekVolume {
  /** Monday of the week, 'YYYY-MM-DD'. */
  weekStart: string;
  /** Reps of every finished session that week (failed sessions' reps were done too). */
  totalReps: number;
  sessions: number;
}

/** Reps per week from the first finished session's week to the last's; empty weeks show 0. */
export function weeklyVolume(sessions: readonly ProgressSession[], timeZone: string): WeekVolume[] {
  if (sessions.length === 0) return [];
  const byWeek = new Map<number, { reps: number; count: number }>();
  for (const session of sessions) {
    const week = weekIndexOfDay(calendarDay(new Date(session.session_date), timeZone));
    const entry = byWeek.get(week) ?? { reps: 0, count: 0 };
    entry.reps += session.total_reps;
    entry.count += 1;
    byWeek.set(week, entry);
  }
  const weeks = [...byWeek.keys()];
  const first = Math.min(...weeks);
  const last = Math.max(...weeks);
  const result: WeekVolume[] = [];
  for (let week = first; week <= last; week += 1) {
    const entry = byWeek.get(week);
    result.push({
      weekStart: weekStartOfIndex(week),
      totalReps: entry?.reps ?? 0,
      sessions: entry?.count ?? 0,
    });
  }
  return result;
}

export interface WeekRpe {
  weekStart: string;
  /** Mean RPE of the week's completed sessions that have one. */
  averageRpe: number;
  sessions: number;
}

/** Average RPE per week, oldest first; weeks without any RPE are left out (no data, not 0). */
export function weeklyRpe(sessions: readonly ProgressSession[], timeZone: string): WeekRpe[] {
  const byWeek = new Map<number, { sum: number; count: number }>();
  for (const session of sessions) {
    if (session.status !== 'completed' || session.rpe === null) continue;
    const week = weekIndexOfDay(calendarDay(new Date(session.session_date), timeZone));
    const entry = byWeek.get(week) ?? { sum: 0, count: 0 };
    entry.sum += session.rpe;
    entry.count += 1;
    byWeek.set(week, entry);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => a - b)
    .map(([week, { sum, count }]) => ({
      weekStart: weekStartOfIndex(week),
      averageRpe: sum / count,
      sessions: count,
    }));
}

export interface ValueRecord {
  value: number;
  sessionId: string;
  /** session_date of the session that first reached the value. */
  date: string;
}

export interface StreakRecord {
  /** Consecutive calendar weeks with at least one completed session. */
  weeks: number;
  /** Mondays of the streak's first and last week. */
  firstWeek: string;
  lastWeek: string;
  sessionId: string;
  /** session_date of the session that made the streak this long. */
  date: string;
}

export interface PersonalRecords {
  bestSet: ValueRecord | null;
  bestSession: ValueRecord | null;
  longestStreak: StreakRecord | null;
}

function bestBy(
  completed: readonly ProgressSession[],
  value: (session: ProgressSession) => number,
): ValueRecord | null {
  let best: ValueRecord | null = null;
  // Oldest first and strictly greater: a later tie does not move the record's date.
  for (const session of completed) {
    const v = value(session);
    if (v > 0 && (!best || v > best.value))
      best = { value: v, sessionId: session.id, date: session.session_date };
  }
  return best;
}

function streakOf(completed: readonly ProgressSession[], timeZone: string): StreakRecord | null {
  let best: StreakRecord | null = null;
  let runStart = 0;
  let previousWeek: number | null = null;
  for (const session of completed) {
    const week = weekIndexOfDay(calendarDay(new Date(session.session_date), timeZone));
    if (week === previousWeek) continue; // the week already counts
    if (previousWeek === null || week !== previousWeek + 1) runStart = week;
    previousWeek = week;
    const length = week - runStart + 1;
    if (!best || length > best.weeks) {
      best = {
        weeks: length,
        firstWeek: weekStartOfIndex(runStart),
        lastWeek: weekStartOfIndex(week),
        sessionId: session.id,
        date: session.session_date,
      };
    }
  }
  return best;
}

/**
 * Records over completed sessions only: a failed session's reps appear in the charts, but a
 * record is something the athlete finished (as the streak rule already says).
 */
export function personalRecords(
  sessions: readonly ProgressSession[],
  timeZone: string,
): PersonalRecords {
  const completed = chronological(sessions).filter((session) => session.status === 'completed');
  return {
    bestSet: bestBy(completed, bestSetOf),
    bestSession: bestBy(completed, (session) => session.total_reps),
    longestStreak: streakOf(completed, timeZone),
  };
}

export type NewRecord =
  | { kind: 'bestSet'; value: number; previous: number }
  | { kind: 'bestSession'; value: number; previous: number }
  | { kind: 'longestStreak'; value: number; previous: number };

/**
 * The records a completed session beat, compared with the completed sessions dated before it.
 * The very first completed session beats nothing: there was no record to break yet.
 */
export function newRecordsSetBy(
  sessionId: string,
  sessions: readonly ProgressSession[],
  timeZone: string,
): NewRecord[] {
  const completed = chronological(sessions).filter((session) => session.status === 'completed');
  const index = completed.findIndex((session) => session.id === sessionId);
  if (index <= 0) return [];
  const before = personalRecords(completed.slice(0, index), timeZone);
  const after = personalRecords(completed.slice(0, index + 1), timeZone);
  const records: NewRecord[] = [];
  const beaten = (kind: NewRecord['kind'], previous: number, value: number) => {
    if (value > previous) records.push({ kind, value, previous });
  };
  beaten('bestSet', before.bestSet?.value ?? 0, after.bestSet?.value ?? 0);
  beaten('bestSession', before.bestSession?.value ?? 0, after.bestSession?.value ?? 0);
  beaten('longestStreak', before.longestStreak?.weeks ?? 0, after.longestStreak?.weeks ?? 0);
  return records;
}

/** The celebration's sentence, e.g. "New record: best set 12!". */
export function newRecordMessage(record: NewRecord): string {
  switch (record.kind) {
    case 'bestSet':
      return `New record: best set ${record.value}!`;
    case 'bestSession':
      return `New record: best session ${record.value} reps!`;
    case 'longestStreak':
      return `New record: ${record.value} weeks in a row!`;
  }
}
