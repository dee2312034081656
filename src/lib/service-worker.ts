// Registers the service worker (production builds only, after load, so it never competes with
// the first render) and tells the app when a new version has taken over.
//
// Updates: the new worker activates at once (skipWaiting + clients.claim), so the next start
// of the app is the new version without the athlete clearing anything. A page already open
// is not reloaded under the athlete's fingers (a half-filled form would be lost); it shows
// "Update ready — reload" instead. If that old page then misses one of its own lazy chunks
// (gone with the old build), it reloads itself into the new version.

type Listener = () => void;
const listeners = new Set<Listener>();
let updateReady = false;

/** True once a newer build controls this page. */
export function isUpdateReady(): boolean {
  return updateReady;
}

export function subscribeUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function markUpdateReady(): void {
  updateReady = true;
  for (const listener of listeners) listener();
}

export function registerServiceWorker(scriptUrl = '/sw.js'): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // Without a controller this is the first install, not an update: nothing to announce.
  const hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (hadController) markUpdateReady();
  });
  window.addEventListener('vite:preloadError', (event) => {
    if (!updateReady) return;
    event.preventDefault();
    window.location.reload();
  });
  const register = () => {
    container
      .register(scriptUrl)
      .then((registration) => {
        // Phones keep the app open for days: look for a new build whenever it comes back.
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') void registration.update().catch(() => {});
        });
      })
      .catch((error: unknown) => console.warn('Service worker registration failed', error));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
