// PostgREST's error bodies and statuses: {code, details, hint, message}, with the status
// PostgREST's Error.hs assigns to each of its own codes and to each SQLSTATE class.
import { isConnectionError } from '../database.ts';

export interface ErrorBody {
  code: string;
  details: string | null;
  hint: string | null;
  message: string;
}

export class RestError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    body: Partial<ErrorBody> & { code: string; message: string },
    headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.status = status;
    this.body = {
      code: body.code,
      details: body.details ?? null,
      hint: body.hint ?? null,
      message: body.message,
    };
    this.headers = headers;
  }
}

/** PGRST100: a query string that does not parse. */
export function queryParamError(message: string, details: string): RestError {
  return new RestError(400, { code: 'PGRST100', message, details });
}

/** PGRST102: a body that is not JSON, or an array of objects with different keys. */
export function invalidBody(message: string): RestError {
  return new RestError(400, { code: 'PGRST102', message });
}

/** What PostgreSQL answers for a column that does not exist (PostgREST lets the database say it). */
export function undefinedColumn(table: string, column: string): RestError {
  return new RestError(400, { code: '42703', message: `column ${table}.${column} does not exist` });
}

/** PGRST204: a payload or `columns=` key that is no column of the table. */
export function columnNotFound(table: string, column: string): RestError {
  return new RestError(400, {
    code: 'PGRST204',
    message: `Could not find the '${column}' column of '${table}' in the schema cache`,
  });
}

export function notEmbedded(resource: string): RestError {
  return new RestError(400, {
    code: 'PGRST108',
    message: `'${resource}' is not an embedded resource in this request`,
    hint: `Verify that '${resource}' is included in the 'select' query parameter.`,
  });
}

export function singularityError(rows: number): RestError {
  return new RestError(406, {
    code: 'PGRST116',
    message: 'Cannot coerce the result to a single JSON object',
    details: `The result contains ${rows} rows`,
  });
}

export function jwtError(code: 'PGRST301' | 'PGRST303', message: string): RestError {
  return new RestError(
    401,
    { code, message },
    {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(message)}`,
    },
  );
}

interface PgErrorLike {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  hint?: unknown;
}

function isPgError(error: unknown): error is PgErrorLike & { code: string; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as PgErrorLike).code === 'string' &&
    typeof (error as PgErrorLike).message === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as PgErrorLike).code as string)
  );
}

/** PostgREST's pgErrorStatus: the HTTP status of a PostgreSQL error. */
export function pgErrorStatus(code: string, message: string, authenticated: boolean): number {
  const exact: Record<string, number> = {
    '23503': 409,
    '23505': 409,
    '25006': 405,
    '53400': 500,
    '57P01': 503,
    P0001: 400,
    '42P01': 404,
    '42P17': 500,
  };
  if (code === '21000') return message.endsWith('requires a WHERE clause') ? 400 : 500;
  if (code === '22023')
    return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
  if (code === '42883') return message.startsWith('function xmlagg(') ? 406 : 404;
  if (code === '42501') return authenticated ? 403 : 401;
  const fixed = exact[code];
  if (fixed !== undefined) return fixed;
  const prefixes: Array<[string, number]> = [
    ['08', 503],
    ['09', 500],
    ['0L', 403],
    ['0P', 403],
    ['25', 500],
    ['28', 403],
    ['2D', 500],
    ['38', 500],
    ['39', 500],
    ['3B', 500],
    ['40', 500],
    ['53', 503],
    ['54', 500],
    ['55', 500],
    ['57', 500],
    ['58', 500],
    ['F0', 500],
    ['HV', 500],
    ['P0', 500],
    ['XX', 500],
  ];
  for (const [prefix, status] of prefixes) if (code.startsWith(prefix)) return status;
  if (code.startsWith('PT')) {
    const status = Number(code.slice(2));
    return Number.isInteger(status) && status >= 100 && status <= 599 ? status : 500;
  }
  return 400;
}

/** Turns anything thrown while serving a request into PostgREST's answer. */
export function toRestError(error: unknown, authenticated: boolean): RestError {
  if (error instanceof RestError) return error;
  // Before SQLSTATEs: "the database system is starting up" (57P03) is an outage too.
  if (isConnectionError(error)) return databaseUnavailable();
  if (isPgError(error)) {
    const status = pgErrorStatus(error.code, error.message, authenticated);
    const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
    return new RestError(
      status,
      {
        code: error.code,
        message: error.message,
        details: typeof error.detail === 'string' ? error.detail : null,
        hint: typeof error.hint === 'string' ? error.hint : null,
      },
      headers,
    );
  }
  return new RestError(500, { code: 'PGRSTX00', message: 'Internal server error' });
}

/** Connection loss and the like: PostgREST's PGRST000 family, a 503. */
export function databaseUnavailable(): RestError {
  return new RestError(503, {
    code: 'PGRST000',
    message: 'Database connection error. Retrying the connection.',
  });
}
