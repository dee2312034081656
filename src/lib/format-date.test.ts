import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate } from './format-date';

describe('formatCalendarDate', () => {
  it('writes short and long weekdays and months, with or without the year', () => {
    expect(formatCalendarDate('2026-11-25', { weekday: 'short', month: 'short', year: true })).toBe(
      'Wed 25 Nov 2026',
    );
    expect(formatCalendarDate('2026-11-25', { weekday: 'long', month: 'long' })).toBe(
      'Wednesday 25 November',
    );
    expect(formatCalendarDate('2025-03-01', { month: 'short' })).toBe('1 Mar');
    expect(formatCalendarDate('2024-02-29', { weekday: 'short', month: 'long', year: true })).toBe(
      'Thu 29 February 2024',
    );
  });

  it('names every weekday and month as Intl does in English', () => {
    for (let day = 0; day < 366; day += 1) {
      const date = new Date(Date.UTC(2025, 0, 1 + day));
      const iso = date.toISOString().slice(0, 10);
      const part = (type: string) =>
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'UTC',
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        })
          .formatToParts(date)
          .find((p) => p.type === type)!.value;
      expect(formatCalendarDate(iso, { weekday: 'long', month: 'long', year: true })).toBe(
        `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`,
      );
    }
  });
});

describe('formatDate', () => {
  it('writes the day the instant falls on in the given time zone', () => {
    // 23:30 UTC on Sunday is already Monday in Warsaw, still Sunday in New York.
    const instant = '2025-03-23T23:30:00Z';
    expect(formatDate(instant, 'Europe/Warsaw', { weekday: 'short', month: 'short' })).toBe(
      'Mon 24 Mar',
    );
    expect(formatDate(instant, 'America/New_York', { weekday: 'short', month: 'short' })).toBe(
      'Sun 23 Mar',
    );
  });

  it('takes a plain calendar day as it is', () => {
    expect(formatDate('2025-03-23', 'Pacific/Kiritimati', { month: 'short', year: true })).toBe(
      '23 Mar 2025',
    );
  });
});
