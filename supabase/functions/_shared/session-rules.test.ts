import { describe, expect, test } from 'vitest';
import {
  SESSION_STATUSES,
  sessionRecordFromRow,
  setsFromColumns,
  setsToColumns,
  type SessionRecord,
  type SessionStatus,
  type Sets,
} from './session-model.ts';
import { allowedStatusesForDate, canTransition } from './session-rules.ts';
import {
  calendarDay,
  calendarDaysFromToday,
  isValidTimeZone,
  LOCAL_TIME_ZONE,
  zonedDayToInstant,
} from './calendar-days.ts';
import { hoursSinceLastFinished, restWarning, sameDayWarning } from './rest-rules.ts';
import { sessionFormSchema } from './session-form-schema.ts';

// 23:30 UTC on 10 March: still the 10th in New York and UTC, already the 11th in Warsaw.
const NOW = new Date('2025-03-10T23:30:00.000Z');
const WARSAW = 'Europe/Warsaw';
const NEW_YORK = 'America/New_York';

function finished(
  date: string,
  sets: Sets,
  status: SessionStatus = 'completed',
  id?: string,
): SessionRecord {
  return {
    ...(id ? { id } : {}),
    session_date: date,
    sets,
    total_reps: sets.reduce((a, b) => a + b, 0),
    rpe: null,
    status,
    is_ai_generated: false,
    is_modified: false,
  };
}

describe('calendar days in the athlete’s time zone', () => {
  test('the same instant is a different day in different zones', () => {
    expect(calendarDay(NOW, 'UTC')).toBe('2025-03-10');
    expect(calendarDay(NOW, NEW_YORK)).toBe('2025-03-10');
    expect(calendarDay(NOW, WARSAW)).toBe('2025-03-11');
  });

  test('days from today count calendar days, not 24 h periods', () => {
    expect(calendarDaysFromToday('2025-03-11T00:10:00Z', NOW, 'UTC')).toBe(1);
    expect(calendarDaysFromToday('2025-03-11T00:10:00Z', NOW, WARSAW)).toBe(0);
    expect(calendarDaysFromToday('2025-03-10', NOW, WARSAW)).toBe(-1);
    expect(calendarDaysFromToday('2025-04-10', NOW, 'UTC')).toBe(31);
  });

  test('a calendar day maps to its local noon, across a DST change', () => {
    expect(zonedDayToInstant('2025-03-30', WARSAW).toISOString()).toBe('2025-03-30T10:00:00.000Z');
    expect(zonedDayToInstant('2025-01-15', NEW_YORK).toISOString()).toBe(
      '2025-01-15T17:00:00.000Z',
    );
    expect(zonedDayToInstant('2025-07-15', NEW_YORK, 7).toISOString()).toBe(
      '2025-07-15T11:00:00.000Z',
    );
  });

  test('the local zone gives the same days and instants as its IANA name, across DST', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of [WARSAW, NEW_YORK, 'Pacific/Chatham', 'Asia/Kolkata']) {
        process.env.TZ = zone; // Node re-reads TZ for Date's local-time methods.
        for (let hour = 0; hour < 24 * 400; hour += 7) {
          const instant = new Date(Date.UTC(2024, 11, 1) + hour * 3_600_000);
          expect(calendarDay(instant, LOCAL_TIME_ZONE), `${zone} ${instant.toISOString()}`).toBe(
            calendarDay(instant, zone),
          );
        }
        for (const day of ['2025-03-09', '2025-03-30', '2025-04-06', '2025-09-28', '2025-11-02']) {
          expect(zonedDayToInstant(day, LOCAL_TIME_ZONE, 7).toISOString(), `${zone} ${day}`).toBe(
            zonedDayToInstant(day, zone, 7).toISOString(),
          );
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  test('time zone names are checked', () => {
    expect(isValidTimeZone(LOCAL_TIME_ZONE)).toBe(true);
    expect(isValidTimeZone(WARSAW)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('the date rule', () => {
  test('today: any status', () => {
    expect(allowedStatusesForDate('2025-03-10T08:00:00Z', NOW, 'UTC')).toEqual({
      ok: true,
      allowed: SESSION_STATUSES,
    });
  });

  test('a future day (up to 30 days ahead): only planned', () => {
    expect(allowedStatusesForDate('2025-03-11', NOW, 'UTC')).toEqual({
      ok: true,
      allowed: ['planned'],
    });
    expect(allowedStatusesForDate('2025-04-09', NOW, 'UTC')).toEqual({
      ok: true,
      allowed: ['planned'],
    });
  });

  test('a past day: only completed or failed', () => {
    expect(allowedStatusesForDate('2025-03-09T23:59:00Z', NOW, 'UTC')).toEqual({
      ok: true,
      allowed: ['completed', 'failed'],
    });
  });

  test('more than 30 days ahead: an error', () => {
    expect(allowedStatusesForDate('2025-04-10', NOW, 'UTC')).toEqual({
      ok: false,
      rule: 'session_date_too_far_ahead',
    });
  });

  test('the athlete’s zone decides: 00:10 UTC on the 11th is tomorrow in UTC, today in Warsaw', () => {
    const date = '2025-03-11T00:10:00Z';
    expect(allowedStatusesForDate(date, NOW, 'UTC')).toEqual({ ok: true, allowed: ['planned'] });
    expect(allowedStatusesForDate(date, NOW, WARSAW)).toEqual({
      ok: true,
      allowed: SESSION_STATUSES,
    });
  });

  test('a day before 2000 is refused, as the database refuses it', () => {
    for (const date of ['1999-12-31', '0044-03-15', '1999-12-31T23:00:00Z']) {
      expect(allowedStatusesForDate(date, NOW, 'UTC')).toEqual({
        ok: false,
        rule: 'sessions_session_date_range',
      });
    }
    expect(allowedStatusesForDate('2000-01-01', NOW, 'UTC')).toEqual({
      ok: true,
      allowed: ['completed', 'failed'],
    });
  });

  test('an unreadable date is reported', () => {
    expect(allowedStatusesForDate('next tuesday', NOW, 'UTC')).toEqual({
      ok: false,
      rule: 'session_date_invalid',
    });
  });
});

describe('status transitions only move forward', () => {
  const allowed: Record<SessionStatus, SessionStatus[]> = {
    planned: ['planned', 'in_progress', 'completed', 'failed'],
    in_progress: ['in_progress', 'completed', 'failed'],
    completed: ['completed'],
    failed: ['failed'],
  };
  for (const from of SESSION_STATUSES) {
    for (const to of SESSION_STATUSES) {
      const expected = allowed[from].includes(to);
      test(`${from} → ${to}: ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    }
  }
});

describe('the session form schema', () => {
  const schema = sessionFormSchema({ now: NOW, timeZone: 'UTC' });
  const today = '2025-03-10T18:00:00Z';

  function rulesOf(value: unknown, s = schema) {
    const result = s.safeParse(value);
    if (result.success) return [];
    return result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      rule: (issue as { params?: { rule?: string } }).params?.rule,
      message: issue.message,
    }));
  }

  test('a valid completed session today passes, with its RPE', () => {
    const value = { session_date: today, sets: [10, 9, 8, 0, 0], status: 'completed', rpe: 7 };
    expect(schema.parse(value)).toEqual(value);
  });

  test('completed needs at least one set above 0', () => {
    expect(rulesOf({ session_date: today, sets: [0, 0, 0, 0, 0], status: 'completed' })).toEqual([
      {
        path: 'sets',
        rule: 'sessions_completed_has_reps',
        message: 'A completed session needs at least one set with reps.',
      },
    ]);
    expect(rulesOf({ session_date: today, sets: [0, 0, 0, 0, 0], status: 'failed' })).toEqual([]);
  });

  test('RPE only with completed, and only 1..10 whole numbers', () => {
    expect(
      rulesOf({ session_date: today, sets: [5, 5, 5, 5, 5], status: 'planned', rpe: 6 }),
    ).toEqual([
      {
        path: 'rpe',
        rule: 'sessions_rpe_only_when_completed',
        message: 'RPE is recorded only for a completed session.',
      },
    ]);
    for (const rpe of [0, 11, 7.5]) {
      expect(
        schema.safeParse({ session_date: today, sets: [5, 5, 5, 5, 5], status: 'completed', rpe })
          .success,
      ).toBe(false);
    }
    expect(
      schema.safeParse({
        session_date: today,
        sets: [5, 5, 5, 5, 5],
        status: 'completed',
        rpe: null,
      }).success,
    ).toBe(true);
  });

  test('sets are five whole numbers 0..60', () => {
    for (const sets of [
      [5, 5, 5, 5],
      [5, 5, 5, 5, 61],
      [5, 5, 5, 5, -1],
      [5, 5, 5, 5, 2.5],
    ]) {
      expect(schema.safeParse({ session_date: today, sets, status: 'planned' }).success).toBe(
        false,
      );
    }
  });

  test('the date rule, with messages naming it', () => {
    expect(
      rulesOf({ session_date: '2025-03-12', sets: [5, 5, 5, 5, 5], status: 'completed' }),
    ).toEqual([
      {
        path: 'session_date',
        rule: 'session_future_must_be_planned',
        message: 'A session on a future day can only be planned.',
      },
    ]);
    expect(
      rulesOf({ session_date: '2025-03-09', sets: [5, 5, 5, 5, 5], status: 'planned' }),
    ).toEqual([
      {
        path: 'session_date',
        rule: 'session_past_must_be_finished',
        message: 'A session on a past day can only be completed or failed.',
      },
    ]);
    expect(
      rulesOf({ session_date: '2025-05-01', sets: [5, 5, 5, 5, 5], status: 'planned' })[0]?.rule,
    ).toBe('session_date_too_far_ahead');
    expect(
      schema.safeParse({ session_date: 'soon', sets: [5, 5, 5, 5, 5], status: 'planned' }).success,
    ).toBe(false);
  });

  test('editing: status moves forward only, and an unchanged date and status skip the date rule', () => {
    const existing = { status: 'completed' as const, session_date: '2025-03-09T18:00:00Z' };
    const editing = sessionFormSchema({ now: NOW, timeZone: 'UTC', existing });
    expect(
      rulesOf(
        { session_date: existing.session_date, sets: [5, 5, 5, 5, 5], status: 'planned' },
        editing,
      ).map((issue) => issue.rule),
    ).toEqual(['session_status_transition', 'session_past_must_be_finished']);

    const stale = { status: 'planned' as const, session_date: '2025-03-09T18:00:00Z' };
    const editingStale = sessionFormSchema({ now: NOW, timeZone: 'UTC', existing: stale });
    expect(
      rulesOf(
        { session_date: stale.session_date, sets: [6, 5, 5, 5, 5], status: 'planned' },
        editingStale,
      ),
    ).toEqual([]);
    expect(
      rulesOf(
        { session_date: stale.session_date, sets: [6, 5, 5, 5, 5], status: 'completed' },
        editingStale,
      ),
    ).toEqual([]);
  });
});

describe('rows and sets', () => {
  test('0 in the UI is null in the database, and back', () => {
    expect(setsToColumns([10, 0, 8, 0, 6])).toEqual({
      set_1: 10,
      set_2: null,
      set_3: 8,
      set_4: null,
      set_5: 6,
    });
    expect(setsFromColumns({ set_1: 10, set_2: null, set_3: 8, set_4: null, set_5: 6 })).toEqual([
      10, 0, 8, 0, 6,
    ]);
  });

  test('a database row becomes a session record', () => {
    expect(
      sessionRecordFromRow({
        session_date: '2025-03-09T18:00:00+00:00',
        set_1: 5,
        set_2: 5,
        set_3: null,
        set_4: null,
        set_5: null,
        total_reps: 10,
        rpe: null,
        status: 'failed',
      }),
    ).toEqual({
      session_date: '2025-03-09T18:00:00+00:00',
      sets: [5, 5, 0, 0, 0],
      total_reps: 10,
      rpe: null,
      status: 'failed',
      is_ai_generated: false,
      is_modified: false,
      intent: null,
    });
    expect(
      sessionRecordFromRow({
        session_date: '2025-03-09T18:00:00+00:00',
        set_1: 3,
        set_2: 3,
        set_3: 3,
        set_4: 3,
        set_5: 3,
        total_reps: 15,
        rpe: 6,
        status: 'completed',
        is_ai_generated: true,
        ai_intent: 'deload',
      }).intent,
    ).toBe('deload');
  });
});

describe('rest warnings', () => {
  const lastId = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const history = [
    finished('2025-03-10T06:00:00Z', [10, 10, 9, 9, 8], 'completed', lastId),
    finished('2025-03-08T06:00:00Z', [10, 10, 9, 9, 8], 'failed'),
    finished('2025-03-10T20:00:00Z', [10, 10, 9, 9, 8], 'planned'),
  ];

  test('hours since the last completed or failed session; planned ones do not count', () => {
    expect(hoursSinceLastFinished(history, NOW)).toBe(17.5);
    expect(hoursSinceLastFinished([], NOW)).toBeNull();
  });

  test('less than 24 h before the planned date warns, with the numbers the event needs', () => {
    expect(restWarning(history, new Date('2025-03-11T00:00:00Z'))).toEqual({
      hoursSinceLast: 18,
      lastSessionId: lastId,
      lastSessionDate: '2025-03-10T06:00:00Z',
    });
    expect(restWarning(history, new Date('2025-03-11T06:00:00Z'))).toBeNull();
    expect(restWarning([], NOW)).toBeNull();
  });

  test('sessions dated after the planned date are not "the last one"', () => {
    expect(restWarning(history, new Date('2025-03-09T00:00:00Z'))?.lastSessionDate).toBe(
      '2025-03-08T06:00:00Z',
    );
  });

  test('same calendar day as a finished session, in the athlete’s zone', () => {
    const late = [finished('2025-03-10T23:00:00Z', [5, 5, 5, 5, 5])];
    expect(sameDayWarning(late, '2025-03-10T08:00:00Z', 'UTC')?.sessions).toHaveLength(1);
    // 23:00 UTC is already the 11th in Warsaw.
    expect(sameDayWarning(late, '2025-03-10T08:00:00Z', WARSAW)).toBeNull();
    expect(sameDayWarning(late, '2025-03-11', WARSAW)?.sessions).toHaveLength(1);
  });
});
