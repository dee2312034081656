// HTTP plumbing shared by every Edge Function: JSON and error responses with a stable
// shape, CORS for the allowed origins, and bounded, validated JSON bodies.
// Plain TypeScript (no Deno.*), so handlers stay testable anywhere.

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error a handler throws to answer with a specific status and code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Origins allowed when ALLOWED_ORIGINS is unset: the SPA's local dev and preview servers. */
export const DEFAULT_ALLOWED_ORIGINS = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
];

export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value?.trim()) return DEFAULT_ALLOWED_ORIGINS;
  return value
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

const ALLOWED_HEADERS = 'authorization, x-client-info, apikey, content-type';

/** CORS headers for this request: the origin is echoed only when allowed ('*' allows all). */
export function corsHeaders(req: Request, allowedOrigins: string[]): Record<string, string> {
  const origin = req.headers.get('origin');
  const headers: Record<string, string> = {
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Expose-Headers': 'Content-Disposition, Retry-After',
    'Access-Control-Max-Age': '86400',
    Vary: 'Origin',
  };
  if (origin && (allowedOrigins.includes('*') || allowedOrigins.includes(origin))) {
    headers['Access-Control-Allow-Origin'] = origin;
  }
  return headers;
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function errorResponse(error: HttpError, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return json(error.status, body, { ...headers, ...error.headers });
}

export function requireMethod(req: Request, ...methods: string[]): void {
  if (!methods.includes(req.method)) {
    throw new HttpError(405, 'method_not_allowed', `Use ${methods.join(' or ')}.`, undefined, {
      Allow: [...methods, 'OPTIONS'].join(', '),
    });
  }
}

/** The caller's bearer token, or a 401. */
export function bearerToken(req: Request): string {
  const header = req.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new HttpError(
      401,
      'unauthorized',
      'Sign in first: send Authorization: Bearer <access token>.',
    );
  }
  return match[1]!;
}

/**
 * Reads a JSON body of at most `maxBytes`. An empty body is `undefined` (for optional
 * bodies); an oversized one is a 413 and malformed JSON a 400, read no further than needed.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    'payload_too_large',
    `The request body is larger than ${maxBytes} bytes.`,
  );
}

interface SafeParseSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** Validates with a zod schema; a failure is a 400 listing each issue's path and message. */
export function validate<T>(schema: SafeParseSchema<T>, value: unknown, code = 'invalid_input'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new HttpError(400, code, `Invalid request: ${summary}`, issues);
}

export interface ServeContext {
  allowedOrigins: string[];
  log: (message: string, detail: Record<string, unknown>) => void;
}

/**
 * Wraps a function's logic: answers preflights, adds CORS headers, turns HttpErrors into
 * their responses and anything unexpected into a logged 500 without a stack trace.
 */
export async function serveJson(
  req: Request,
  context: ServeContext,
  logic: () => Promise<Response>,
): Promise<Response> {
  const cors = corsHeaders(req, context.allowedOrigins);
  if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
  try {
    const response = await logic();
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
    return response;
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error, cors);
    context.log('unexpected_error', {
      method: req.method,
      url: req.url,
      error:
        error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
    });
    return errorResponse(
      new HttpError(500, 'internal_error', 'Something went wrong on our side. Please try again.'),
      cors,
    );
  }
}
