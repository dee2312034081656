// What every Edge Function handler receives: clients, the clock, CORS settings and a logger.
// Built from the environment by createDeps; tests build their own.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../database.types.ts';
import { bearerToken, HttpError, parseAllowedOrigins, type ServeContext } from './http.ts';

export type AdminClient = SupabaseClient<Database>;

export interface Caller {
  id: string;
  email: string | undefined;
  appMetadata: Record<string, unknown>;
  token: string;
}

export interface FunctionDeps extends ServeContext {
  /** Service-role client: bypasses RLS, so every query filters by the caller explicitly. */
  admin: AdminClient;
  /** A client that acts as the caller, so RLS applies. */
  userClient(token: string): AdminClient;
  /**
   * Asks Supabase Auth who owns the token; null when it is invalid, expired or revoked. When
   * Auth cannot answer (down, its database down), a 503: an outage must not sign anyone out.
   */
  getUser(token: string): Promise<Omit<Caller, 'token'> | null>;
  now(): Date;
  env: Record<string, string | undefined>;
}

const noSession = {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
};

export function createDeps(env: Record<string, string | undefined>): FunctionDeps {
  const url = required(env, 'SUPABASE_URL');
  const anonKey = required(env, 'SUPABASE_ANON_KEY');
  const admin = createClient<Database>(url, required(env, 'SUPABASE_SERVICE_ROLE_KEY'), noSession);
  return {
    admin,
    userClient: (token) =>
      createClient<Database>(url, anonKey, {
        ...noSession,
        global: { headers: { Authorization: `Bearer ${token}` } },
      }),
    async getUser(token) {
      const { data, error } = await admin.auth.getUser(token);
      if (error) {
        // Only Auth's own verdict on the token (a 4xx) says the session is gone.
        if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
          return null;
        }
        throw serviceUnavailable();
      }
      if (!data.user) return null;
      return {
        id: data.user.id,
        email: data.user.email,
        appMetadata: data.user.app_metadata ?? {},
      };
    },
    now: () => new Date(),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    log: (message, detail) => console.error(JSON.stringify({ level: 'error', message, ...detail })),
    env,
  };
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The signed-in caller, verified by Supabase Auth, or a 401. */
export async function requireCaller(req: Request, deps: FunctionDeps): Promise<Caller> {
  const token = bearerToken(req);
  const user = await deps.getUser(token);
  if (!user) {
    throw new HttpError(
      401,
      'unauthorized',
      'Your session has expired or is invalid. Sign in again.',
    );
  }
  return { ...user, token };
}

/** A 503 for a backend that cannot answer right now: try again, nothing is wrong with you. */
export function serviceUnavailable(): HttpError {
  return new HttpError(
    503,
    'service_unavailable',
    'The service is briefly unavailable. Please try again in a moment.',
    undefined,
    { 'Retry-After': '5' },
  );
}

/** Whether a supabase-js error says the backend could not answer (unreachable, 502-504). */
export function isOutage(status: number | undefined): boolean {
  return status === undefined || status === 0 || (status >= 502 && status <= 504);
}

/**
 * Unwraps a supabase-js result. The API unreachable or answering 503 (its database down) is
 * an outage, a 503; any other database error is unexpected here, so it becomes a 500.
 */
export function unwrap<T>(result: {
  data: T;
  error: { message: string; code?: string } | null;
  status?: number;
}): T {
  if (result.error) {
    if (result.status !== undefined && isOutage(result.status)) throw serviceUnavailable();
    throw new Error(`Database error ${result.error.code ?? ''}: ${result.error.message}`);
  }
  return result.data;
}

let cached: FunctionDeps | undefined;
/** Deps from the environment, built once per worker. */
export function depsFromEnv(readEnv: () => Record<string, string | undefined>): FunctionDeps {
  cached ??= createDeps(readEnv());
  return cached;
}
