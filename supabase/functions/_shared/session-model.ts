// What a session is, for the SPA and the Edge Functions alike: its statuses, its five sets and the
// limits the database holds them to, as records the coach and the warnings read.
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
