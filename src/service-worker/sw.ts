// The service worker, bundled by scripts/tools/service-worker-plugin.ts into dist/sw.js with the build's file list.
// Hand-written and small: the app shell is precached per build, reads of PostgREST fall back
// to their last answer offline, everything else goes to the network untouched.
import {
  API_CACHE,
  apiCacheKey,
  chooseStrategy,
  isCacheableApiStatus,
  shellCacheName,
  staleCaches,
} from '../lib/service-worker-routing';

// Replaced at build time (vite `define`) by the plugin.
declare const __SW_PRECACHE__: string[];
declare const __SW_VERSION__: string;
declare const __SW_API_ORIGIN__: string;

// The few worker types used here (the project compiles against the DOM library, not WebWorker).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification;
}
interface WindowClient {
  readonly url: string;
  focus(): Promise<WindowClient>;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window' }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const SHELL = shellCacheName(__SW_VERSION__);
const INDEX = '/index.html';
const context = {
  origin: worker.location.origin,
  apiOrigin: __SW_API_ORIGIN__,
  precached: new Set(__SW_PRECACHE__),
};
// PostgREST's pages (206) cannot go into the Cache API as they are; this header restores them.
const STATUS_HEADER = 'x-sw-status';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      // 'reload' skips the HTTP cache, so index.html matches the assets of this very build.
      await cache.addAll(__SW_PRECACHE__.map((path) => new Request(path, { cache: 'reload' })));
      // A new build takes over at once; the page offers a reload (src/lib/service-worker.ts).
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(
        staleCaches(await caches.keys(), __SW_VERSION__).map((n) => caches.delete(n)),
      );
      await worker.clients.claim();
    })(),
  );
});

async function fromShell(request: Request | string): Promise<Response | undefined> {
  return (await caches.open(SHELL)).match(request);
}

async function navigation(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const index = await fromShell(INDEX);
    if (index) return index;
    throw error;
  }
}

async function precached(request: Request): Promise<Response> {
  return (await fromShell(request)) ?? fetch(request);
}

async function apiRead(request: Request): Promise<Response> {
  const key = apiCacheKey(request.url, request.headers);
  try {
    const response = await fetch(request);
    if (key && isCacheableApiStatus(response.status)) {
      const headers = new Headers(response.headers);
      headers.set(STATUS_HEADER, String(response.status));
      const copy = new Response(await response.clone().blob(), { status: 200, headers });
      // Best effort: a full quota must not break the read itself.
      void caches
        .open(API_CACHE)
        .then((cache) => cache.put(key, copy))
        .catch(() => {});
    }
    return response;
  } catch (error) {
    const cached = key ? await (await caches.open(API_CACHE)).match(key) : undefined;
    if (!cached) throw error;
    const status = Number(cached.headers.get(STATUS_HEADER) ?? 200);
    return new Response(cached.body, { status, statusText: '', headers: cached.headers });
  }
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  switch (chooseStrategy(request, context)) {
    case 'navigation':
      event.respondWith(navigation(request));
      return;
    case 'precache':
      event.respondWith(precached(request));
      return;
    case 'api':
      event.respondWith(apiRead(request));
      return;
    default:
      // Not calling respondWith leaves the request to the browser, as without a worker.
      return;
  }
});

// The rest-over notification (src/features/workout/lib/rest-alert.ts): a tap brings the
// workout back to the front, or opens it if the app was closed.
worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const url = typeof data?.url === 'string' ? data.url : '/';
  event.waitUntil(
    (async () => {
      const windows = await worker.clients.matchAll({ type: 'window' });
      const open = windows.find((client) => new URL(client.url).pathname === url) ?? windows[0];
      if (open) await open.focus();
      else await worker.clients.openWindow(url);
    })(),
  );
});
