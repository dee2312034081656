// The rest's end reaching a phone in a pocket: a notification shown through the service
// worker (Android shows page notifications only that way), where the browser allows it.
// The page's own signal (vibration, beep) stays in rest-signal.ts.
export const REST_NOTIFICATION_TAG = 'rest-over';

type TriggerConstructor = new (timestamp: number) => unknown;

function notificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  return (await navigator.serviceWorker.getRegistration()) ?? null;
}

/**
 * Asks once, from the athlete's tap that starts the first rest: the moment the question makes
 * sense ("tell me when the rest is over"), never on page load.
 */
export function askForRestAlerts(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

const options = (body: string, extra: Record<string, unknown> = {}) =>
  ({
    body,
    tag: REST_NOTIFICATION_TAG,
    renotify: true,
    requireInteraction: false,
    vibrate: [200, 100, 200],
    data: { url: window.location.pathname },
    ...extra,
  }) as NotificationOptions;

/**
 * Where Notification Triggers exist, the notification is scheduled for `endsAt` at once, so it
 * appears even if the page is frozen in the background before then.
 */
export async function scheduleRestAlert(endsAt: number, body: string): Promise<void> {
  const Trigger = (window as typeof window & { TimestampTrigger?: TriggerConstructor })
    .TimestampTrigger;
  if (!Trigger || !notificationsAllowed()) return;
  const worker = await registration();
  await worker?.showNotification(
    'Rest is over',
    options(body, { showTrigger: new Trigger(endsAt) }),
  );
}

/** At the end of a rest the athlete is not looking at (app in the background, screen locked). */
export async function showRestAlert(body: string): Promise<void> {
  if (!notificationsAllowed() || document.visibilityState === 'visible') return;
  const worker = await registration();
  await worker?.showNotification('Rest is over', options(body));
}

/** A rest skipped, lengthened or seen out on screen: no stale alert. */
export async function clearRestAlert(): Promise<void> {
  const worker = await registration();
  // includeTriggered: a scheduled one that has not appeared yet goes too.
  const shown = await worker?.getNotifications({
    tag: REST_NOTIFICATION_TAG,
    includeTriggered: true,
  } as GetNotificationOptions);
  for (const notification of shown ?? []) notification.close();
}
