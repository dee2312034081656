// Pushes the workout's pending changes to the server whenever they change, when the
// connection comes back, and on the athlete's next action; offline they wait in the store.
import { useCallback, useEffect, useRef, useState } from 'react';
import { reportError } from '@/lib/errors';
import { hasPendingChanges, useWorkoutStore } from './workout-store';
import { getSession } from '@/lib/session-queries';
import { useUpdateSession } from '@/lib/update-session';
import type { SessionPatch } from '@shared/column-rules';

export type SyncState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'offline' } | { kind: 'error'; message: string };

function isOffline(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  const { name, message, code } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
  };
  const text = `${typeof name === 'string' ? name : ''} ${typeof message === 'string' ? message : ''}`;
  // postgrest-js reports a failed fetch as an error with an empty code and the fetch error's message.
  return (
    (error instanceof TypeError || !code) &&
    /Failed to fetch|NetworkError|Load failed|fetch failed/i.test(text)
  );
}

/** Whether the stored row already holds every value of the patch (a save whose answer was lost). */
function rowHolds(row: Record<string, unknown>, patch: SessionPatch): boolean {
  return Object.entries(patch).every(([key, value]) =>
    key === 'session_date'
      ? Date.parse(String(row[key])) === Date.parse(String(value))
      : row[key] === value,
  );
}

export function useWorkoutSync() {
  const { mutateAsync: save } = useUpdateSession();
  const inFlight = useRef(false);
  const [state, setState] = useState<SyncState>({ kind: 'idle' });
  const workout = useWorkoutStore((s) => s.workout);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      // Loops so that changes made while a request was under way go next.
      for (;;) {
        const current = useWorkoutStore.getState().workout;
        if (!current || !hasPendingChanges(current)) {
          setState({ kind: 'idle' });
          return;
        }
        if (navigator.onLine === false) {
          setState({ kind: 'offline' });
          return;
        }
        setState({ kind: 'saving' });
        const sent = { ...current.pending };
        try {
          await save({ id: current.sessionId, patch: sent });
        } catch (error) {
          if (isOffline(error)) {
            setState({ kind: 'offline' });
            return;
          }
          // A finish whose answer was lost is refused on retry (finished sessions are immutable).
          const row = await getSession(current.sessionId).catch(() => null);
          if (!row || !rowHolds(row, sent)) {
            setState({ kind: 'error', message: reportError(error) });
            return;
          }
        }
        useWorkoutStore.getState().markSynced(current.sessionId, sent);
      }
    } finally {
      inFlight.current = false;
    }
  }, [save]);

  // Every change to the workout is a chance to save (and to retry what is waiting).
  useEffect(() => {
    void flush();
  }, [workout, flush]);

  useEffect(() => {
    const online = () => void flush();
    const offline = () => {
      if (hasPendingChanges(useWorkoutStore.getState().workout)) setState({ kind: 'offline' });
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [flush]);

  return { state, pending: hasPendingChanges(workout), retry: flush };
}
