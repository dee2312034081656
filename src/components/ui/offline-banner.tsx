import { useSyncExternalStore } from 'react';
import { isUpdateReady, subscribeUpdateReady } from '@/lib/service-worker';

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

const isOnline = () => navigator.onLine;

/**
 * The connection and version notices of the signed-in shell: offline, screens show what was
 * last loaded (cached by the service worker) and the workout keeps its sets on the phone.
 */
export function OfflineBanner() {
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const updateReady = useSyncExternalStore(subscribeUpdateReady, isUpdateReady, () => false);
  if (online && !updateReady) return null;
  return (
    <div className="sticky top-0 z-10 px-4 pt-3">
      {online ? null : (
        <p
          role="status"
          className="rounded-xl border-l-4 border-amber-600 bg-amber-50 px-4 py-3 font-semibold text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100"
        >
          You&apos;re offline — showing your last saved data
        </p>
      )}
      {updateReady ? (
        <div
          role="status"
          className="mt-2 flex items-center justify-between gap-3 rounded-xl border-l-4 border-sky-700 bg-sky-50 px-4 py-2 text-sky-950 first:mt-0 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100"
        >
          <p className="font-semibold">Update ready</p>
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="min-h-12 rounded-xl px-4 font-semibold underline underline-offset-4"
          >
            Reload
          </button>
        </div>
      ) : null}
    </div>
  );
}
