// Test data straight through the stack's APIs with the service role, as an operator would:
// athletes through the auth admin API, sessions and generations through /rest/v1.
import { randomUUID } from 'node:crypto';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../local-stack/keys.ts';

export const stackUrl = (() => {
  const url = process.env.E2E_STACK_URL;
  if (!url) throw new Error('E2E_STACK_URL is not set: run the journeys with `npm run test:e2e`');
  return url;
})();

/** auth-js's storage key for this backend: the same rule as supabase-js's createClient. */
export const authStorageKey = `sb-${new URL(stackUrl).hostname.split('.')[0]}-auth-token`;

const serviceHeaders = {
  apikey: LOCAL_SERVICE_ROLE_KEY,
  Authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}`,
  'Content-Type': 'application/json',
};

async function call<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> },
) {
  const res = await fetch(`${stackUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...serviceHeaders, ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface Athlete {
  id: string;
  email: string;
  password: string;
}

/** A fresh, unique e-mail address, so journeys never share an account. */
export function uniqueEmail(tag = 'athlete'): string {
  return `${tag}-${randomUUID().slice(0, 8)}@e2e.test`;
}

/** A confirmed athlete made through the auth admin API. */
export async function createAthlete(tag?: string): Promise<Athlete> {
  const email = uniqueEmail(tag);
  const password = 'pull-ups-e2e-1';
  const user = await call<{ id: string }>('/auth/v1/admin/users', {
    method: 'POST',
    body: { email, password, email_confirm: true },
  });
  return { id: user.id, email, password };
}

/** A password sign-in against the stack: the session auth-js would store. */
export async function passwordSession(athlete: Athlete): Promise<Record<string, unknown>> {
  const res = await fetch(`${stackUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: LOCAL_ANON_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: athlete.email, password: athlete.password }),
  });
  if (!res.ok)
    throw new Error(`sign-in of ${athlete.email} failed: ${res.status} ${await res.text()}`);
  const session = (await res.json()) as Record<string, unknown>;
  // auth-js stores expires_at (seconds) beside the token response's expires_in.
  session.expires_at ??= Math.floor(Date.now() / 1000) + Number(session.expires_in ?? 3600);
  return session;
}

export interface SeedSession {
  status: 'planned' | 'in_progress' | 'completed' | 'failed';
  session_date: string;
  sets: [number | null, number | null, number | null, number | null, number | null];
  rpe?: number | null;
  is_ai_generated?: boolean;
  ai_comment?: string | null;
}

export async function seedSession(athlete: Athlete, session: SeedSession): Promise<string> {
  const [set_1, set_2, set_3, set_4, set_5] = session.sets;
  const rows = await call<Array<{ id: string }>>('/rest/v1/sessions?select=id', {
    method: 'POST',
    headers: { Prefer: 'return=representation' },
    body: {
      user_id: athlete.id,
      status: session.status,
      session_date: session.session_date,
      set_1,
      set_2,
      set_3,
      set_4,
      set_5,
      rpe: session.rpe ?? null,
      is_ai_generated: session.is_ai_generated ?? false,
      ai_comment: session.ai_comment ?? null,
    },
  });
  const id = rows[0]?.id;
  if (!id) throw new Error('the seeded session came back without an id');
  return id;
}

/** `count` generation attempts (the coach's quota counts every attempt in the last 24 h). */
export async function seedGenerations(athlete: Athlete, createdAt: Date[]): Promise<void> {
  await call('/rest/v1/generations', {
    method: 'POST',
    headers: { Prefer: 'return=minimal' },
    body: createdAt.map((date) => ({
      user_id: athlete.id,
      model: 'rule-based-coach',
      duration_ms: 50,
      status: 'success',
      created_at: date.toISOString(),
    })),
  });
}

export interface SessionRowLite {
  id: string;
  status: string;
  set_1: number | null;
  set_2: number | null;
  set_3: number | null;
  set_4: number | null;
  set_5: number | null;
  rpe: number | null;
  is_ai_generated: boolean;
}

/** The athlete's sessions as stored, newest first: what the journeys check the UI wrote. */
export async function sessionsOf(athlete: Athlete): Promise<SessionRowLite[]> {
  return call<SessionRowLite[]>(
    `/rest/v1/sessions?user_id=eq.${athlete.id}&select=id,status,set_1,set_2,set_3,set_4,set_5,rpe,is_ai_generated&order=session_date.desc`,
    {},
  );
}

export function hoursAgo(hours: number, from = new Date()): Date {
  return new Date(from.getTime() - hours * 3600_000);
}
