import { describe, expect, it } from 'vitest';
import {
  newRecordMessage,
  newRecordsSetBy,
  personalRecords,
  sessionPoints,
  weeklyRpe,
  weeklyVolume,
  weekStartOf,
  type ProgressSession,
} from './progress-records';

type FiveSets = [number, number, number, number, number];

function session(
  id: string,
  session_date: string,
  sets: FiveSets,
  status: 'completed' | 'failed' = 'completed',
  rpe: number | null = null,
): ProgressSession {
  const [set_1, set_2, set_3, set_4, set_5] = sets.map((reps) => (reps > 0 ? reps : null));
  return {
    id,
    session_date,
    status,
    set_1: set_1 ?? null,
    set_2: set_2 ?? null,
    set_3: set_3 ?? null,
    set_4: set_4 ?? null,
    set_5: set_5 ?? null,
    total_reps: sets.reduce((sum, reps) => sum + reps, 0),
    rpe,
  };
}

const UTC = 'UTC';

describe('weekStartOf', () => {
  it('gives the Monday of the week, across a month and a year end', () => {
    expect(weekStartOf('2025-06-16')).toBe('2025-06-16'); // a Monday
    expect(weekStartOf('2025-06-22')).toBe('2025-06-16'); // its Sunday
    expect(weekStartOf('2025-06-23')).toBe('2025-06-23');
    expect(weekStartOf('2025-01-02')).toBe('2024-12-30');
    expect(weekStartOf('2024-03-01')).toBe('2024-02-26'); // leap year
  });
});

describe('empty and single-session histories', () => {
  it('an empty history has no records, no weeks and no points', () => {
    expect(personalRecords([], UTC)).toEqual({
      bestSet: null,
      bestSession: null,
      longestStreak: null,
    });
    expect(weeklyVolume([], UTC)).toEqual([]);
    expect(weeklyRpe([], UTC)).toEqual([]);
    expect(sessionPoints([], UTC)).toEqual([]);
    expect(newRecordsSetBy('x', [], UTC)).toEqual([]);
  });

  it('a single completed session holds every record, and celebrates none', () => {
    const only = session('a', '2025-06-18T07:00:00Z', [8, 7, 6, 6, 5], 'completed', 7);
    expect(personalRecords([only], UTC)).toEqual({
      bestSet: { value: 8, sessionId: 'a', date: '2025-06-18T07:00:00Z' },
      bestSession: { value: 32, sessionId: 'a', date: '2025-06-18T07:00:00Z' },
      longestStreak: {
        weeks: 1,
        firstWeek: '2025-06-16',
        lastWeek: '2025-06-16',
        sessionId: 'a',
        date: '2025-06-18T07:00:00Z',
      },
    });
    expect(weeklyVolume([only], UTC)).toEqual([
      { weekStart: '2025-06-16', totalReps: 32, sessions: 1 },
    ]);
    expect(weeklyRpe([only], UTC)).toEqual([
      { weekStart: '2025-06-16', averageRpe: 7, sessions: 1 },
    ]);
    expect(newRecordsSetBy('a', [only], UTC)).toEqual([]);
  });

  it('a single failed session has reps in the charts but no record', () => {
    const failed = session('f', '2025-06-18T07:00:00Z', [5, 3, 0, 0, 0], 'failed');
    expect(personalRecords([failed], UTC)).toEqual({
      bestSet: null,
      bestSession: null,
      longestStreak: null,
    });
    expect(weeklyVolume([failed], UTC)).toEqual([
      { weekStart: '2025-06-16', totalReps: 8, sessions: 1 },
    ]);
    expect(sessionPoints([failed], UTC)).toEqual([
      {
        id: 'f',
        session_date: '2025-06-18T07:00:00Z',
        day: '2025-06-18',
        status: 'failed',
        totalReps: 8,
        bestSet: 5,
      },
    ]);
  });
});

describe('personalRecords', () => {
  // Given newest first, as a careless caller might: the calculations sort by date themselves.
  const history = [
    session('e', '2025-06-20T07:00:00Z', [9, 9, 9, 9, 9], 'failed'), // bigger, but failed
    session('d', '2025-06-12T07:00:00Z', [10, 8, 8, 7, 6]), // ties the best set: not a new date
    session('c', '2025-06-09T07:00:00Z', [9, 9, 8, 8, 7]), // best session 41
    session('b', '2025-06-05T07:00:00Z', [10, 6, 6, 5, 5]), // best set 10 first reached here
    session('a', '2025-06-02T07:00:00Z', [8, 7, 6, 6, 5]),
  ];

  it('keeps the date each best was first reached, from completed sessions only', () => {
    const records = personalRecords(history, UTC);
    expect(records.bestSet).toEqual({ value: 10, sessionId: 'b', date: '2025-06-05T07:00:00Z' });
    expect(records.bestSession).toEqual({
      value: 41,
      sessionId: 'c',
      date: '2025-06-09T07:00:00Z',
    });
  });

  it('per-session points come oldest first with best set and status', () => {
    const points = sessionPoints(history, UTC);
    expect(points.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(points.map((p) => p.bestSet)).toEqual([8, 10, 9, 10, 9]);
    expect(points.map((p) => p.totalReps)).toEqual([32, 32, 41, 39, 45]);
    expect(points.at(-1)?.status).toBe('failed');
  });
});

describe('longest streak of weeks with a completed session', () => {
  it('a gap week breaks the streak; the record is dated when it got that long', () => {
    const history = [
      session('w1', '2025-05-05T10:00:00Z', [5, 5, 5, 5, 5]),
      session('w2', '2025-05-14T10:00:00Z', [5, 5, 5, 5, 5]),
      // no session in the week of 19 May
      session('w4', '2025-05-27T10:00:00Z', [5, 5, 5, 5, 5]),
      session('w4b', '2025-05-30T10:00:00Z', [5, 5, 5, 5, 5]), // same week: counts once
      session('w5', '2025-06-02T10:00:00Z', [5, 5, 5, 5, 5]),
      session('w6', '2025-06-15T10:00:00Z', [5, 5, 5, 5, 5]), // Sunday of 9 June's week
    ];
    expect(personalRecords(history, UTC).longestStreak).toEqual({
      weeks: 3,
      firstWeek: '2025-05-26',
      lastWeek: '2025-06-09',
      sessionId: 'w6',
      date: '2025-06-15T10:00:00Z',
    });
  });

  it('a week with only failed sessions does not count', () => {
    const history = [
      session('a', '2025-05-06T10:00:00Z', [5, 5, 5, 5, 5]),
      session('b', '2025-05-13T10:00:00Z', [5, 2, 0, 0, 0], 'failed'),
      session('c', '2025-05-20T10:00:00Z', [5, 5, 5, 5, 5]),
    ];
    const streak = personalRecords(history, UTC).longestStreak;
    expect(streak?.weeks).toBe(1);
    // A tie does not move it: the first one-week streak keeps the record.
    expect(streak?.sessionId).toBe('a');
  });

  it('weeks crossing a year end are consecutive', () => {
    const history = [
      session('a', '2024-12-27T10:00:00Z', [5, 5, 5, 5, 5]), // week of Mon 23 Dec
      session('b', '2025-01-02T10:00:00Z', [5, 5, 5, 5, 5]), // week of Mon 30 Dec
      session('c', '2025-01-06T10:00:00Z', [5, 5, 5, 5, 5]), // week of Mon 6 Jan
    ];
    expect(personalRecords(history, UTC).longestStreak).toMatchObject({
      weeks: 3,
      firstWeek: '2024-12-23',
      lastWeek: '2025-01-06',
    });
  });

  it('a session near midnight lands in the week of the athlete’s own calendar', () => {
    // Sunday 9 March 23:30 UTC is already Monday 10 March 00:30 in Warsaw.
    const history = [
      session('a', '2025-03-05T10:00:00Z', [5, 5, 5, 5, 5]),
      session('b', '2025-03-09T23:30:00Z', [5, 5, 5, 5, 5]),
    ];
    expect(personalRecords(history, 'Europe/Warsaw').longestStreak?.weeks).toBe(2);
    expect(personalRecords(history, UTC).longestStreak?.weeks).toBe(1);

    // Monday 10 March 03:30 UTC is still Sunday 9 March 23:30 in New York (just after DST began).
    const newYork = [
      session('c', '2025-03-03T15:00:00Z', [5, 5, 5, 5, 5]),
      session('d', '2025-03-10T03:30:00Z', [5, 5, 5, 5, 5]),
    ];
    expect(personalRecords(newYork, 'America/New_York').longestStreak?.weeks).toBe(1);
    expect(personalRecords(newYork, UTC).longestStreak?.weeks).toBe(2);
    expect(weeklyVolume(newYork, 'America/New_York')).toEqual([
      { weekStart: '2025-03-03', totalReps: 50, sessions: 2 },
    ]);
  });
});

describe('weeklyVolume', () => {
  it('sums completed and failed reps per Monday week and fills empty weeks with 0', () => {
    const history = [
      session('a', '2025-06-02T06:00:00Z', [8, 7, 6, 6, 5]), // 32
      session('b', '2025-06-08T18:00:00Z', [4, 3, 0, 0, 0], 'failed'), // 7, Sunday: same week
      session('c', '2025-06-23T06:00:00Z', [9, 8, 7, 7, 6]), // 37, two weeks later
    ];
    expect(weeklyVolume(history, 'Europe/Warsaw')).toEqual([
      { weekStart: '2025-06-02', totalReps: 39, sessions: 2 },
      { weekStart: '2025-06-09', totalReps: 0, sessions: 0 },
      { weekStart: '2025-06-16', totalReps: 0, sessions: 0 },
      { weekStart: '2025-06-23', totalReps: 37, sessions: 1 },
    ]);
  });
});

describe('weeklyRpe', () => {
  it('averages completed sessions with an RPE; weeks without one are left out', () => {
    const history = [
      session('a', '2025-06-02T06:00:00Z', [8, 7, 6, 6, 5], 'completed', 7),
      session('b', '2025-06-04T06:00:00Z', [8, 7, 6, 6, 5], 'completed', 8),
      session('c', '2025-06-05T06:00:00Z', [8, 7, 6, 6, 5], 'completed', null), // no RPE
      session('d', '2025-06-10T06:00:00Z', [4, 0, 0, 0, 0], 'failed'), // failed: no RPE week
      session('e', '2025-06-17T06:00:00Z', [9, 8, 7, 7, 6], 'completed', 9),
    ];
    expect(weeklyRpe(history, UTC)).toEqual([
      { weekStart: '2025-06-02', averageRpe: 7.5, sessions: 2 },
      { weekStart: '2025-06-16', averageRpe: 9, sessions: 1 },
    ]);
  });
});

describe('newRecordsSetBy', () => {
  const base = [
    session('a', '2025-06-02T07:00:00Z', [8, 7, 6, 6, 5]), // 32, best set 8
    session('b', '2025-06-10T07:00:00Z', [9, 7, 6, 6, 5]), // 33, best set 9, 2 weeks
  ];

  it('names each record the session beat, with the previous value', () => {
    const c = session('c', '2025-06-17T07:00:00Z', [12, 8, 7, 6, 6]);
    expect(newRecordsSetBy('c', [...base, c], UTC)).toEqual([
      { kind: 'bestSet', value: 12, previous: 9 },
      { kind: 'bestSession', value: 39, previous: 33 },
      { kind: 'longestStreak', value: 3, previous: 2 },
    ]);
  });

  it('a tie is not a record, and a second session in the same week adds no streak', () => {
    const c = session('c', '2025-06-12T07:00:00Z', [9, 7, 6, 6, 5]);
    expect(newRecordsSetBy('c', [...base, c], UTC)).toEqual([]);
  });

  it('compares only with sessions dated before it (a past session logged later)', () => {
    const later = session('z', '2025-06-20T07:00:00Z', [15, 15, 15, 15, 15]);
    const c = session('c', '2025-06-12T07:00:00Z', [10, 7, 6, 5, 5]); // 33: a tie
    expect(newRecordsSetBy('c', [...base, later, c], UTC)).toEqual([
      { kind: 'bestSet', value: 10, previous: 9 },
    ]);
  });

  it('failed, first-ever and unknown sessions set no record', () => {
    const failed = session('f', '2025-06-17T07:00:00Z', [20, 0, 0, 0, 0], 'failed');
    expect(newRecordsSetBy('f', [...base, failed], UTC)).toEqual([]);
    expect(newRecordsSetBy('a', base, UTC)).toEqual([]);
    expect(newRecordsSetBy('missing', base, UTC)).toEqual([]);
  });

  it('says each record in one sentence', () => {
    expect(newRecordMessage({ kind: 'bestSet', value: 12, previous: 9 })).toBe(
      'New record: best set 12!',
    );
    expect(newRecordMessage({ kind: 'bestSession', value: 39, previous: 33 })).toBe(
      'New record: best session 39 reps!',
    );
    expect(newRecordMessage({ kind: 'longestStreak', value: 3, previous: 2 })).toBe(
      'New record: 3 weeks in a row!',
    );
  });
});
