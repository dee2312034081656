import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfigSections } from './config-toml.ts';

const dir = mkdtempSync(join(tmpdir(), 'config-toml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readConfigSections', () => {
  it('reads keys by section: numbers, booleans, strings, quoted names, comments', () => {
    const path = join(dir, 'config.toml');
    writeFileSync(
      path,
      [
        '# a comment',
        'project_id = "outside any section"',
        '[auth.rate_limit]  # limits',
        'token_refresh = 150 # per 5 minutes',
        '[auth.email]',
        'max_frequency = "1s"',
        '[functions."my-fn"]',
        'verify_jwt = false',
        '[auth.rate_limit]',
        'token_verifications = 30',
      ].join('\n'),
    );
    const sections = readConfigSections(path);
    expect(sections.get('auth.rate_limit')).toEqual(
      new Map([
        ['token_refresh', '150'],
        ['token_verifications', '30'],
      ]),
    );
    expect(sections.get('auth.email')?.get('max_frequency')).toBe('1s');
    expect(sections.get('functions.my-fn')?.get('verify_jwt')).toBe('false');
    expect([...sections.keys()]).not.toContain('');
  });

  it('is empty when there is no config file', () => {
    expect(readConfigSections(join(dir, 'missing.toml')).size).toBe(0);
  });
});
