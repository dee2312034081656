// Test support for the Edge Functions' `deno test` suites: the running local stack (started
// by scripts/test/functions.ts), athletes created through the auth admin API, and requests
// built the way a browser or curl sends them.
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../_shared/database.types.ts';
import { createDeps, type FunctionDeps } from '../_shared/server/function-deps.ts';
import type { PlanIntent } from '../_shared/session-model.ts';

export const env = {
  SUPABASE_URL: need('SUPABASE_URL'),
  SUPABASE_ANON_KEY: need('SUPABASE_ANON_KEY'),
  SUPABASE_SERVICE_ROLE_KEY: need('SUPABASE_SERVICE_ROLE_KEY'),
  ALLOWED_ORIGINS: 'http://127.0.0.1:5173',
};

function need(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`${name} is not set: run these tests with npm run test:functions`);
  return value;
}

const noSession = { auth: { persistSession: false, autoRefreshToken: false } };
export const admin = createClient<Database>(
  env.SUPABASE_URL,
  env.SUPABASE_SERVICE_ROLE_KEY,
  noSession,
);

export function testDeps(overrides: Partial<FunctionDeps> = {}): FunctionDeps {
  return { ...createDeps(env), log: () => {}, ...overrides };
}

export interface Athlete {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

let counter = 0;
export async function newAthlete(options: { admin?: boolean } = {}): Promise<Athlete> {
  const email = `athlete-${Date.now()}-${counter++}@example.test`;
  const password = 'correct-horse-battery';
  const created = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    ...(options.admin ? { app_metadata: { role: 'admin' } } : {}),
  });
  if (created.error) throw created.error;
  const client = createClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, noSession);
  const signedIn = await client.auth.signInWithPassword({ email, password });
  if (signedIn.error) throw signedIn.error;
  return {
    id: created.data.user.id,
    email,
    password,
    token: signedIn.data.session.access_token,
    refreshToken: signedIn.data.session.refresh_token,
  };
}

/** Finished sessions in the past, oldest first in `sets`, one every other day up to yesterday. */
export async function giveHistory(
  userId: string,
  sessions: {
    sets: (number | null)[];
    status?: 'completed' | 'failed';
    rpe?: number | null;
    daysAgo?: number;
    ai_comment?: string;
    intent?: PlanIntent;
  }[],
) {
  const rows = sessions.map((s, i) => ({
    user_id: userId,
    status: s.status ?? 'completed',
    session_date: new Date(
      Date.now() - (s.daysAgo ?? 2 * (sessions.length - i)) * 86_400_000,
    ).toISOString(),
    set_1: s.sets[0] ?? null,
    set_2: s.sets[1] ?? null,
    set_3: s.sets[2] ?? null,
    set_4: s.sets[3] ?? null,
    set_5: s.sets[4] ?? null,
    rpe: (s.status ?? 'completed') === 'completed' ? (s.rpe ?? 7) : null,
    // Every row names the same columns: PostgREST fills a missing key of a bulk insert with null.
    is_ai_generated: s.ai_comment !== undefined,
    ai_comment: s.ai_comment ?? null,
    ai_intent: s.intent ?? null,
  }));
  const { error } = await admin.from('sessions').insert(rows);
  if (error) throw error;
}

export async function countRows(userId: string) {
  const count = async (table: 'sessions' | 'generations' | 'generation_error_logs' | 'events') => {
    const { count: n, error } = await admin
      .from(table)
      .select('*', { count: 'exact', head: true })
      .eq('user_id', userId);
    if (error) throw error;
    return n ?? 0;
  };
  return {
    sessions: await count('sessions'),
    generations: await count('generations'),
    generation_error_logs: await count('generation_error_logs'),
    events: await count('events'),
  };
}

export function request(
  fn: string,
  init: {
    method?: string;
    token?: string | null;
    body?: unknown;
    rawBody?: string;
    query?: string;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers.set('Content-Type', 'application/json');
  }
  return new Request(`http://functions.test/${fn}${init.query ?? ''}`, {
    method: init.method ?? 'POST',
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

/** The same call through the local stack's gateway, as curl would make it. */
export function viaStack(
  fn: string,
  init: RequestInit & { query?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', env.SUPABASE_ANON_KEY);
  return fetch(`${env.SUPABASE_URL}/functions/v1/${fn}${init.query ?? ''}`, { ...init, headers });
}

export async function errorOf(
  response: Response,
): Promise<{ status: number; code: string; message: string }> {
  const body = await response.json();
  if (typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string') {
    throw new Error(`Not the error shape: ${JSON.stringify(body)}`);
  }
  return { status: response.status, code: body.error.code, message: body.error.message };
}

/** A token signed with the wrong secret: what a forger can make. */
export const FORGED_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEiLCJyb2xlIjoiYXV0aGVudGljYXRlZCIsImV4cCI6OTk5OTk5OTk5OX0.c2lnbmVkLXdpdGgtYS1ndWVzcw';
