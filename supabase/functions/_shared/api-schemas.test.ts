import { describe, expect, test } from 'vitest';
import { generateSessionRequestSchema, trackEventRequestSchema } from './api-schemas.ts';

const UUID = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('generate-session request body', () => {
  test('both fields are optional', () => {
    expect(generateSessionRequestSchema.parse({})).toEqual({});
    expect(
      generateSessionRequestSchema.parse({
        baseline_max_reps: 12,
        session_date: '2025-03-11T18:00:00+01:00',
      }),
    ).toEqual({ baseline_max_reps: 12, session_date: '2025-03-11T18:00:00+01:00' });
    expect(
      generateSessionRequestSchema.safeParse({ session_date: '2025-03-11T17:00:00Z' }).success,
    ).toBe(true);
  });

  test.each([0, 61, 2.5, '10', null, -1])('baseline_max_reps %j is refused', (value) => {
    expect(generateSessionRequestSchema.safeParse({ baseline_max_reps: value }).success).toBe(
      false,
    );
  });

  test.each(['tomorrow', '2025-03-11', '2025-03-11T18:00:00', 1741716000000])(
    'session_date %j is refused (an ISO date-time with an offset is required)',
    (value) => {
      expect(generateSessionRequestSchema.safeParse({ session_date: value }).success).toBe(false);
    },
  );

  test('unknown fields and non-objects are refused', () => {
    expect(generateSessionRequestSchema.safeParse({ sets: [60, 60, 60, 60, 60] }).success).toBe(
      false,
    );
    expect(generateSessionRequestSchema.safeParse([]).success).toBe(false);
    expect(generateSessionRequestSchema.safeParse('{}').success).toBe(false);
  });
});

describe('track-event request body', () => {
  test('rest_period_warning_shown with its data', () => {
    const body = {
      event_type: 'rest_period_warning_shown',
      event_data: { hours_since_last: 18.5, last_session_id: UUID, context: 'session_form' },
    };
    expect(trackEventRequestSchema.parse(body)).toEqual(body);
  });

  test('rest_period_warning_ignored may name the session created anyway', () => {
    const body = {
      event_type: 'rest_period_warning_ignored',
      event_data: {
        hours_since_last: 0,
        last_session_id: UUID,
        session_id: UUID,
        planned_date: '2025-03-11T07:00:00Z',
      },
    };
    expect(trackEventRequestSchema.parse(body)).toEqual(body);
    // The shown event has no session yet.
    expect(
      trackEventRequestSchema.safeParse({ ...body, event_type: 'rest_period_warning_shown' })
        .success,
    ).toBe(false);
  });

  test.each([
    ['another event type', { event_type: 'session_completed', event_data: {} }],
    ['no event_data', { event_type: 'rest_period_warning_shown' }],
    [
      'negative hours',
      {
        event_type: 'rest_period_warning_shown',
        event_data: { hours_since_last: -1, last_session_id: UUID },
      },
    ],
    [
      'hours as a string',
      {
        event_type: 'rest_period_warning_shown',
        event_data: { hours_since_last: '18', last_session_id: UUID },
      },
    ],
    [
      'a session id that is not a uuid',
      {
        event_type: 'rest_period_warning_shown',
        event_data: { hours_since_last: 18, last_session_id: '42' },
      },
    ],
    [
      'an unknown data field',
      {
        event_type: 'rest_period_warning_shown',
        event_data: { hours_since_last: 18, last_session_id: UUID, note: 'x' },
      },
    ],
    [
      'an unknown context',
      {
        event_type: 'rest_period_warning_ignored',
        event_data: { hours_since_last: 18, last_session_id: UUID, context: 'elsewhere' },
      },
    ],
  ])('refuses %s', (_name, body) => {
    expect(trackEventRequestSchema.safeParse(body).success).toBe(false);
  });
});
