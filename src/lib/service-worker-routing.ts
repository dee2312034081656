// The service worker's decisions as pure functions, so Vitest can check them; the worker
// (src/service-worker/sw.ts) is bundled with this module inlined at build time.

/** Every cache this app owns starts with this, so activation never touches anyone else's. */
export const CACHE_PREFIX = 'pullup-';
/** The app shell of one build: replaced as a whole when the build changes. */
export const shellCacheName = (version: string) => `${CACHE_PREFIX}shell-${version}`;
/** Last known API answers: kept across app updates, so an update never loses offline data. */
export const API_CACHE = `${CACHE_PREFIX}api-v1`;

/** Drops the saved API answers: they belong to the athlete who is leaving (sign-out, deletion). */
export async function forgetSavedApiData(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}

export type Strategy =
  /** An address of the app: network first, the cached index.html offline. */
  | 'navigation'
  /** A file of this build (hashed assets, icons, manifest): cache first. */
  | 'precache'
  /** A PostgREST read: network first, the last answer for this user offline. */
  | 'api'
  /** Anything else (writes, auth, functions, other sites): straight to the network. */
  | 'network';

export interface RequestFacts {
  method: string;
  url: string;
  mode: string;
}

export interface RoutingContext {
  /** The app's origin (the worker's own). */
  origin: string;
  /** The Supabase project's origin (VITE_SUPABASE_URL). */
  apiOrigin: string;
  /** Same-origin paths of the precached build, e.g. '/assets/index-abc.js'. */
  precached: ReadonlySet<string>;
}

export function chooseStrategy(request: RequestFacts, context: RoutingContext): Strategy {
  // Writes must reach the server or fail loudly; the workout keeps its own offline queue.
  if (request.method !== 'GET') return 'network';
  const url = new URL(request.url);
  if (url.origin === context.apiOrigin && url.pathname.startsWith('/rest/v1/')) return 'api';
  // Auth and functions answers (tokens, exports, quotas) are never cached.
  if (url.origin !== context.origin) return 'network';
  if (context.precached.has(url.pathname)) return 'precache';
  // A client-side route has no file extension; /favicon.svg typed in the bar is a file.
  if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(url.pathname)) return 'navigation';
  return 'network';
}

/** The `sub` of a bearer JWT, unverified: it only partitions the cache, it grants nothing. */
export function bearerSubject(authorization: string | null): string | null {
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown; role?: unknown };
    return typeof claims.sub === 'string' && claims.role === 'authenticated' ? claims.sub : null;
  } catch {
    return null;
  }
}

/**
 * Filters whose value is computed from "now" (the coach's last-24-h attempts): their value
 * changes on every load, so the key keeps only the column and operator, and the last answer
 * is found offline.
 */
const VOLATILE_FILTERS: Readonly<Record<string, readonly string[]>> = {
  '/rest/v1/generations': ['created_at'],
};

/**
 * The cache key of a PostgREST read: its URL plus who asked and the headers that shape the
 * answer, so one athlete's rows are never shown to another on a shared phone. Null (do not
 * cache) without a signed-in user.
 */
export function apiCacheKey(
  url: string,
  headers: { get(name: string): string | null },
): string | null {
  const user = bearerSubject(headers.get('authorization'));
  if (!user) return null;
  const key = new URL(url);
  for (const column of VOLATILE_FILTERS[key.pathname] ?? []) {
    const operators = key.searchParams.getAll(column).map((value) => value.split('.')[0] ?? '');
    if (operators.length === 0) continue;
    key.searchParams.delete(column);
    for (const operator of operators) key.searchParams.append(column, `${operator}.*`);
  }
  key.searchParams.set('sw-user', user);
  const accept = headers.get('accept');
  if (accept) key.searchParams.set('sw-accept', accept);
  const range = headers.get('range');
  if (range) key.searchParams.set('sw-range', range);
  return key.toString();
}

/** Only whole, successful answers are worth showing later (206 = a page of a list). */
export function isCacheableApiStatus(status: number): boolean {
  return status === 200 || status === 206;
}

/** Caches left by earlier builds: everything of ours except this build's shell and the API cache. */
export function staleCaches(names: readonly string[], version: string): string[] {
  const keep = new Set([shellCacheName(version), API_CACHE]);
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && !keep.has(name));
}
