import { describe, expect, test } from 'vitest';
import { redirectTarget } from './redirect-target';

describe('redirectTarget', () => {
  test.each([
    ['/history?status=completed', '/history?status=completed'],
    ['/sessions/abc#notes', '/sessions/abc#notes'],
  ])('keeps a path on this site: %s', (requested, expected) => {
    expect(redirectTarget(requested)).toBe(expected);
  });

  test.each([
    null,
    '',
    'history',
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/x',
    'javascript:alert(1)',
  ])('falls back to the dashboard for %s', (requested) => {
    expect(redirectTarget(requested)).toBe('/');
  });
});
