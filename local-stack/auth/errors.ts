// Supabase Auth (GoTrue) error bodies. Clients that send `X-Supabase-Api-Version: 2024-01-01`
// (supabase-js does) get `{code, message}`; older clients get `{code: status, error_code, msg}`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue, sendJson } from './http.ts';

export const API_VERSION_HEADER = 'X-Supabase-Api-Version';

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly weakPasswordReasons?: string[],
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);

/** The API version the client asked for, echoed back when it is 2024-01-01 or later. */
export function requestedApiVersion(req: IncomingMessage): string | undefined {
  const raw = headerValue(req, API_VERSION_HEADER);
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  return raw >= '2024-01-01' ? '2024-01-01' : undefined;
}

export function sendAuthError(req: IncomingMessage, res: ServerResponse, error: AuthError): void {
  const version = requestedApiVersion(req);
  const headers: Record<string, string> = { 'x-sb-error-code': error.errorCode };
  const weak = error.weakPasswordReasons
    ? { weak_password: { reasons: error.weakPasswordReasons } }
    : {};
  if (version) {
    headers[API_VERSION_HEADER] = version;
    sendJson(
      res,
      error.status,
      { code: error.errorCode, message: error.message, ...weak },
      headers,
    );
  } else {
    sendJson(
      res,
      error.status,
      { code: error.status, error_code: error.errorCode, msg: error.message, ...weak },
      headers,
    );
  }
}
