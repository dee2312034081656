import { describe, expect, test } from 'vitest';
import { fileNameFrom } from './export-sessions';

describe('fileNameFrom', () => {
  test('reads the quoted file name the function sends', () => {
    expect(fileNameFrom('attachment; filename="pullup-sessions-2026-01-02.csv"', 'csv')).toBe(
      'pullup-sessions-2026-01-02.csv',
    );
  });

  test('prefers the encoded filename* form', () => {
    expect(
      fileNameFrom("attachment; filename=plain.json; filename*=UTF-8''my%20sessions.json", 'json'),
    ).toBe('my sessions.json');
  });

  test('falls back to a dated name of the right type without a header', () => {
    expect(fileNameFrom(null, 'json')).toMatch(/^pullup-sessions-\d{4}-\d{2}-\d{2}\.json$/);
  });
});
