import { describe, expect, it } from 'vitest';
import {
  API_CACHE,
  apiCacheKey,
  bearerSubject,
  chooseStrategy,
  isCacheableApiStatus,
  shellCacheName,
  staleCaches,
} from './service-worker-routing';

const context = {
  origin: 'https://app.example',
  apiOrigin: 'https://api.example',
  precached: new Set(['/index.html', '/assets/index-abc.js', '/icons/icon-192.png']),
};
const get = (url: string, mode = 'cors') => ({ method: 'GET', url, mode });

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}
const headers = (values: Record<string, string>) => new Headers(values);

describe('chooseStrategy', () => {
  it('sends app addresses network first with the shell as fallback', () => {
    expect(chooseStrategy(get('https://app.example/', 'navigate'), context)).toBe('navigation');
    expect(
      chooseStrategy(get('https://app.example/history?status=completed', 'navigate'), context),
    ).toBe('navigation');
  });

  it('serves the build files from the precache', () => {
    expect(chooseStrategy(get('https://app.example/assets/index-abc.js'), context)).toBe(
      'precache',
    );
    expect(chooseStrategy(get('https://app.example/index.html', 'navigate'), context)).toBe(
      'precache',
    );
  });

  it('leaves unknown files and file navigations to the network', () => {
    expect(chooseStrategy(get('https://app.example/assets/old-123.js'), context)).toBe('network');
    expect(chooseStrategy(get('https://app.example/favicon.svg', 'navigate'), context)).toBe(
      'network',
    );
  });

  it('caches PostgREST reads only', () => {
    expect(chooseStrategy(get('https://api.example/rest/v1/sessions?select=*'), context)).toBe(
      'api',
    );
    for (const method of ['POST', 'PATCH', 'DELETE', 'HEAD']) {
      expect(
        chooseStrategy(
          { method, url: 'https://api.example/rest/v1/sessions', mode: 'cors' },
          context,
        ),
      ).toBe('network');
    }
  });

  it('never caches auth, functions or other sites', () => {
    expect(chooseStrategy(get('https://api.example/auth/v1/user'), context)).toBe('network');
    expect(chooseStrategy(get('https://api.example/functions/v1/export-sessions'), context)).toBe(
      'network',
    );
    expect(chooseStrategy(get('https://elsewhere.example/rest/v1/sessions'), context)).toBe(
      'network',
    );
  });
});

describe('apiCacheKey', () => {
  const athlete = `Bearer ${jwt({ sub: 'user-1', role: 'authenticated' })}`;

  it('partitions by user and by the headers that shape the answer', () => {
    const url = 'https://api.example/rest/v1/sessions?select=*&order=session_date.desc';
    const key = apiCacheKey(url, headers({ Authorization: athlete }));
    expect(new URL(key ?? '').searchParams.get('sw-user')).toBe('user-1');
    expect(new URL(key ?? '').searchParams.get('order')).toBe('session_date.desc');
    const other = apiCacheKey(
      url,
      headers({ Authorization: `Bearer ${jwt({ sub: 'user-2', role: 'authenticated' })}` }),
    );
    expect(other).not.toBe(key);
    const single = apiCacheKey(
      url,
      headers({ Authorization: athlete, Accept: 'application/vnd.pgrst.object+json' }),
    );
    expect(single).not.toBe(key);
  });

  it('finds the last answer of a now-relative read whatever its instant', () => {
    const at = (since: string) =>
      apiCacheKey(
        `https://api.example/rest/v1/generations?select=created_at,status&created_at=gte.${since}`,
        headers({ Authorization: athlete }),
      );
    expect(at('2025-03-01T10:00:00.123Z')).toBe(at('2025-03-02T08:30:00.456Z'));
    // A history filter on a chosen day is not relative to now: each keeps its own answer.
    const day = (from: string) =>
      apiCacheKey(
        `https://api.example/rest/v1/sessions?select=*&session_date=gte.${from}`,
        headers({ Authorization: athlete }),
      );
    expect(day('2025-03-01T00:00:00.000Z')).not.toBe(day('2025-04-01T00:00:00.000Z'));
  });

  it('does not cache anonymous or malformed requests', () => {
    const url = 'https://api.example/rest/v1/sessions';
    expect(apiCacheKey(url, headers({}))).toBeNull();
    const anon = `Bearer ${jwt({ role: 'anon' })}`;
    expect(apiCacheKey(url, headers({ Authorization: anon }))).toBeNull();
    expect(bearerSubject('Bearer not-a-jwt')).toBeNull();
    expect(bearerSubject('Bearer a.!!!.c')).toBeNull();
  });
});

describe('cache housekeeping', () => {
  it('keeps whole and paged answers only', () => {
    expect(isCacheableApiStatus(200)).toBe(true);
    expect(isCacheableApiStatus(206)).toBe(true);
    for (const status of [204, 304, 401, 404, 500])
      expect(isCacheableApiStatus(status)).toBe(false);
  });

  it("deletes earlier builds' shells but keeps the API data and other apps' caches", () => {
    const names = [shellCacheName('old'), shellCacheName('new'), API_CACHE, 'someone-else'];
    expect(staleCaches(names, 'new')).toEqual([shellCacheName('old')]);
  });
});
