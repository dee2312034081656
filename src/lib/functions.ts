// Calls the Edge Functions with the athlete's token; failures become FunctionError with the
// function's stable error code.
import { accessToken } from '@/lib/auth-client';
import { env } from '@/lib/env';

export class FunctionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

export async function invokeFunction<T>(
  name: string,
  init: {
    method?: 'GET' | 'POST';
    body?: unknown;
    query?: Record<string, string>;
    signal?: AbortSignal;
  } = {},
): Promise<{ data: T; response: Response }> {
  const token = await accessToken();
  const query = init.query ? `?${new URLSearchParams(init.query)}` : '';
  const response = await fetch(`${env.VITE_SUPABASE_URL}/functions/v1/${name}${query}`, {
    method: init.method ?? 'POST',
    headers: {
      apikey: env.VITE_SUPABASE_ANON_KEY,
      Authorization: `Bearer ${token ?? env.VITE_SUPABASE_ANON_KEY}`,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown };
    } | null;
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new FunctionError(
      response.status,
      body?.error?.code ?? `http_${response.status}`,
      body?.error?.message ?? response.statusText,
      body?.error?.details,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  const data = (
    response.status === 204
      ? null
      : await response
          .clone()
          .json()
          .catch(() => null)
  ) as T;
  return { data, response };
}
