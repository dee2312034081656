// Supabase Auth for the SPA: only @supabase/auth-js on the first route (supabase-js would
// also bring PostgREST, Storage, Realtime and Functions clients). Same options and storage
// key as supabase-js's createClient, so a session is shared with any supabase-js code.
import { AuthClient, type AuthChangeEvent, type Session } from '@supabase/auth-js';
import { useSyncExternalStore } from 'react';
import { env } from '@/lib/env';

const storageKey = `sb-${new URL(env.VITE_SUPABASE_URL).hostname.split('.')[0]}-auth-token`;

export const auth = new AuthClient({
  url: `${env.VITE_SUPABASE_URL}/auth/v1`,
  headers: {
    apikey: env.VITE_SUPABASE_ANON_KEY,
    Authorization: `Bearer ${env.VITE_SUPABASE_ANON_KEY}`,
  },
  storageKey,
  autoRefreshToken: true,
  persistSession: true,
  detectSessionInUrl: true,
  flowType: 'implicit',
});

// The session as React state: undefined while auth-js restores it from storage.
let current: Session | null | undefined;
let lastEvent: AuthChangeEvent | undefined;
const listeners = new Set<() => void>();

auth.onAuthStateChange((event, session) => {
  current = session;
  lastEvent = event;
  for (const listener of listeners) listener();
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null | undefined {
  return useSyncExternalStore(subscribe, () => current);
}

/** True right after the athlete signed out here (not when a stranger arrives signed out). */
export function justSignedOut(): boolean {
  return lastEvent === 'SIGNED_OUT';
}

/** The current access token (refreshed by auth-js when due), or null when signed out. */
export async function accessToken(): Promise<string | null> {
  const { data } = await auth.getSession();
  return data.session?.access_token ?? null;
}
