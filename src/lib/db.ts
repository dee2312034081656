// PostgREST for the signed-in screens, typed by the generated Database. Loaded by lazy
// routes only, so the sign-in screen does not pay for it. Every request carries the
// athlete's access token, so Row Level Security decides what it may read and write.
import { PostgrestClient } from '@supabase/postgrest-js';
import { accessToken } from '@/lib/auth-client';
import type { Database } from '@shared/database.types';
import { env } from '@/lib/env';

export const db = new PostgrestClient<Database>(`${env.VITE_SUPABASE_URL}/rest/v1`, {
  headers: { apikey: env.VITE_SUPABASE_ANON_KEY },
  fetch: async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${(await accessToken()) ?? env.VITE_SUPABASE_ANON_KEY}`);
    return fetch(input, { ...init, headers });
  },
});

export type Tables<T extends keyof Database['public']['Tables']> =
  Database['public']['Tables'][T]['Row'];
export type SessionRow = Tables<'sessions'>;
