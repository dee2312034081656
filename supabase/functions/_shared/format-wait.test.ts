import { describe, expect, test } from 'vitest';
import { formatWait } from './format-wait.ts';

describe('formatWait', () => {
  test.each([
    [0, '1 min'],
    [30, '1 min'],
    [45 * 60, '45 min'],
    [3600, '1 h'],
    // One second short of the hour is still "1 h", never "60 min".
    [3599, '1 h'],
    [3 * 3600 + 5 * 60, '3 h 5 min'],
  ])('%i s is %s', (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });
});
