// PostgREST-compatible /rest/v1 for the local stack: tables and views of `public` and
// rpc/<function>, each request one transaction as the JWT's role so RLS and triggers decide.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import type { QueryParams, RowRange } from './query-params.ts';
import { intersectRanges, parseQueryParams, parseRangeHeader } from './query-params.ts';
import type { RequestRole } from './request-role.ts';
import { resolveRequestRole } from './request-role.ts';
import type { ErrorBody } from './rest-error.ts';
import {
  columnNotFound,
  invalidBody,
  RestError,
  singularityError,
  toRestError,
} from './rest-error.ts';
import type { Column, Routine, SchemaCache, Table } from './schema-cache.ts';
import { closestName, loadSchemaCache } from './schema-cache.ts';
import type { Scope } from './sql-builder.ts';
import { ident, orderSql, Params, rowJson, selectColumns, whereSql } from './sql-builder.ts';

export interface RestHandlerOptions {
  pool: pg.Pool;
  jwtSecret: string;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface RestHandler {
  /** `path` is the part after /rest/v1, e.g. '/sessions' or '/rpc/fn'; `url` is the full request URL (search params). */
  handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void>;
  /** Re-read the catalog (tables, views, columns, functions of schema public). */
  reloadSchema(): Promise<void>;
}

/** supabase config.toml `max_rows`: the most rows one read returns. */
const maxRows = 1000;
const jsonType = 'application/json; charset=utf-8';

interface Preferences {
  return: 'representation' | 'minimal' | 'headers-only' | null;
  count: boolean;
  resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
  missing: 'default' | 'null' | null;
  rollback: boolean;
  handling: 'strict' | 'lenient' | null;
  /** `max-affected=N`: enforced only with handling=strict (PostgREST 13). */
  maxAffected: number | null;
  /** Preferences PostgREST does not know; an error with handling=strict. */
  invalid: string[];
}

/** Preferences.hs: exact values, the first of each kind wins, anything else is invalid. */
const KNOWN_PREFERENCES = new Set([
  'resolution=merge-duplicates',
  'resolution=ignore-duplicates',
  'return=representation',
  'return=minimal',
  'return=headers-only',
  'count=exact',
  'count=planned',
  'count=estimated',
  'tx=commit',
  'tx=rollback',
  'missing=default',
  'missing=null',
  'handling=strict',
  'handling=lenient',
]);

function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Preferences = {
    return: null,
    count: false,
    resolution: null,
    missing: null,
    rollback: false,
    handling: null,
    maxAffected: null,
    invalid: [],
  };
  const values = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  const first = (prefix: string) =>
    values.find((v) => KNOWN_PREFERENCES.has(v) && v.startsWith(prefix))?.slice(prefix.length);
  prefs.return = (first('return=') as Preferences['return']) ?? null;
  prefs.count = first('count=') !== undefined;
  prefs.resolution = (first('resolution=') as Preferences['resolution']) ?? null;
  prefs.missing = (first('missing=') as Preferences['missing']) ?? null;
  prefs.rollback = first('tx=') === 'rollback';
  prefs.handling = (first('handling=') as Preferences['handling']) ?? null;
  const maxAffected = values.find((v) => v.startsWith('max-affected='));
  if (maxAffected && /^\d+$/.test(maxAffected.slice('max-affected='.length))) {
    prefs.maxAffected = Number(maxAffected.slice('max-affected='.length));
  }
  prefs.invalid = values.filter(
    (v) =>
      !KNOWN_PREFERENCES.has(v) && !v.startsWith('timezone=') && !v.startsWith('max-affected='),
  );
  return prefs;
}

/** MainTx.hs failExceedsMaxAffectedPref: PGRST124 (the transaction rolls back). */
function exceedsMaxAffected(prefs: Preferences, affected: number): RestError | null {
  if (prefs.handling !== 'strict' || prefs.maxAffected === null || affected <= prefs.maxAffected)
    return null;
  return new RestError(400, {
    code: 'PGRST124',
    message: 'Query result exceeds max-affected preference constraint',
    details: `The query affects ${affected} rows`,
  });
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without recursion: a
 * body nested thousands deep is refused before it reaches JSON.parse or PostgreSQL's parser.
 */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x5b || ch === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** Deeper JSON than any real payload; PostgreSQL's own parser would overflow its stack. */
const MAX_JSON_DEPTH = 1000;

interface Media {
  singular: boolean;
  stripNulls: boolean;
}

/** Accept negotiation: JSON arrays, or one object for application/vnd.pgrst.object+json. */
function negotiate(accept: string | undefined): Media {
  if (!accept || accept.trim() === '') return { singular: false, stripNulls: false };
  const offered: string[] = [];
  for (const range of accept.split(',')) {
    const [type = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const stripNulls = params.includes('nulls=stripped');
    if (type === '') continue;
    offered.push(type);
    if (
      ['*/*', 'application/*', 'application/json', 'application/vnd.pgrst.array+json'].includes(
        type,
      )
    ) {
      return { singular: false, stripNulls };
    }
    if (type === 'application/vnd.pgrst.object+json' || type === 'application/vnd.pgrst.object') {
      return { singular: true, stripNulls };
    }
  }
  throw new RestError(406, {
    code: 'PGRST107',
    message: `None of these media types are available: ${offered.join(', ')}`,
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: string | null,
  headers: Record<string, string>,
  contentType = jsonType,
  omitBody = false,
): void {
  const all: Record<string, string> = { ...headers };
  if (body !== null) {
    all['Content-Type'] = contentType;
    all['Content-Length'] = String(Buffer.byteLength(body));
  }
  res.writeHead(status, all);
  res.end(body === null || omitBody ? undefined : body);
}

function sendError(res: ServerResponse, error: RestError, omitBody = false): void {
  const body: ErrorBody = error.body;
  sendJson(
    res,
    error.status,
    JSON.stringify(body),
    { ...error.headers, 'Proxy-Status': `PostgREST; error=${body.code}` },
    jsonType,
    omitBody,
  );
}

class PayloadTooLarge extends RestError {
  constructor(limit: number) {
    super(413, {
      code: '413',
      message: 'Request size limit exceeded',
      details: `The request body exceeds the limit of ${limit} bytes`,
    });
  }
}

/** Reads the body up to `limit` bytes; past it, answers 413 and discards the rest. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new PayloadTooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new PayloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

interface Payload {
  /** The body as sent, handed to PostgreSQL's json functions unchanged (no precision loss). */
  raw: string;
  /** Column names: the payload's keys, or `columns=`. */
  keys: string[];
  isArray: boolean;
  /** Rows in the payload (0 for `[]`). */
  rowCount: number;
}

function parsePayload(text: string, columns: string[] | null, allowEmptyObject: boolean): Payload {
  if (text.trim() === '' && allowEmptyObject)
    return { raw: '{}', keys: [], isArray: false, rowCount: 1 };
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new RestError(400, {
      code: 'PGRST102',
      message: 'Empty or invalid json',
      details: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidBody('Empty or invalid json');
  }
  const isArray = Array.isArray(json);
  if (columns !== null) {
    return {
      raw: text,
      keys: columns,
      isArray,
      rowCount: isArray ? (json as unknown[]).length : 1,
    };
  }
  if (isArray) {
    const rows = json as unknown[];
    if (rows.length === 0) return { raw: '[]', keys: [], isArray: true, rowCount: 0 };
    const first = rows[0];
    // Payload.hs: an array must hold objects only, all with the same keys.
    if (typeof first !== 'object' || first === null || Array.isArray(first)) {
      throw invalidBody('All object keys must match');
    }
    const keys = Object.keys(first);
    const canonical = [...keys].sort().join('\u0000');
    for (const row of rows) {
      const ok =
        typeof row === 'object' &&
        row !== null &&
        !Array.isArray(row) &&
        Object.keys(row).sort().join('\u0000') === canonical;
      if (!ok) throw invalidBody('All object keys must match');
    }
    return { raw: text, keys, isArray: true, rowCount: rows.length };
  }
  if (typeof json === 'object' && json !== null) {
    return { raw: text, keys: Object.keys(json), isArray: false, rowCount: 1 };
  }
  // PostgREST turns any other JSON value into an empty array.
  return { raw: '[]', keys: [], isArray: true, rowCount: 0 };
}

/** `pgrst_body("a" smallint, ...)`: the record definition json_to_record(set) needs. */
function recordDefinition(columns: Column[]): string {
  return columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
}

interface Plan {
  sql: string;
  params: unknown[];
  readOnly: boolean;
}

interface QueryResult {
  total: string | null;
  page_total: string;
  body: string;
  /** Rows an upsert inserted (rather than updated); null for anything else. */
  inserted?: string | null;
}

function contentRange(lower: number, upper: number, total: number | null): string {
  const range = total !== 0 && lower <= upper ? `${lower}-${upper}` : '*';
  return `${range}/${total === null ? '*' : total}`;
}

function tableScope(table: Table, alias: string): Scope {
  return { alias, relationName: table.name, columns: table.columnsByName };
}

export async function createRestHandler(options: RestHandlerOptions): Promise<RestHandler> {
  const { pool, jwtSecret } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  let cache: SchemaCache = await loadSchemaCache(pool);

  async function run(
    requestRole: RequestRole,
    method: string,
    path: string,
    headers: Record<string, unknown>,
    plan: Plan,
    commit: (result: QueryResult) => void,
  ): Promise<QueryResult> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      // One round trip opens the transaction and sets the request's role and claims. The
      // simple protocol takes several statements but no parameters, hence the literals
      // (escaped by the driver; the role is from the allow-list anyway).
      const literal = (value: string) => client.escapeLiteral(value);
      await client.query(
        `${plan.readOnly ? 'begin isolation level read committed read only' : 'begin'};
         select set_config('role', ${literal(requestRole.role)}, true),
                set_config('request.jwt.claims', ${literal(JSON.stringify(requestRole.claims))}, true),
                set_config('request.method', ${literal(method)}, true),
                set_config('request.path', ${literal(path)}, true),
                set_config('request.headers', ${literal(JSON.stringify(headers))}, true),
                set_config('search_path', 'public, extensions', true)`,
      );
      const result = await client.query<QueryResult>(plan.sql, plan.params);
      const row = result.rows[0] as QueryResult;
      commit(row); // throws (singularity, tx=rollback) to roll back
      await client.query('commit');
      return row;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  function findTable(name: string): Table {
    const table = cache.tables.get(name);
    if (table) return table;
    const suggestion = closestName(name, cache.tables.keys());
    throw new RestError(404, {
      code: 'PGRST205',
      message: `Could not find the table 'public.${name}' in the schema cache`,
      hint: suggestion ? `Perhaps you meant the table 'public.${suggestion}'` : null,
    });
  }

  function findRoutine(
    name: string,
    keys: string[],
    isPost: boolean,
  ): { routine: Routine; singleJson: boolean } {
    const candidates = cache.routines.get(name) ?? [];
    const matches = candidates.filter((r) => {
      // An unnamed parameter cannot be passed by name in SQL: only a lone one is callable
      // (with the whole argument object, Plan.hs OnePosParam).
      const names = r.inParams
        .map((p) => p.name)
        .filter((n) => n !== '' || r.inParams.length === 1);
      if (!keys.every((k) => names.includes(k))) return false;
      const required = r.inParams.slice(0, r.inParams.length - r.defaultCount);
      return required.every((p) => keys.includes(p.name));
    });
    if (matches.length === 1) return { routine: matches[0] as Routine, singleJson: false };
    if (matches.length > 1) {
      throw new RestError(300, {
        code: 'PGRST203',
        message: `Could not choose the best candidate function between: ${matches
          .map(
            (r) => `public.${name}(${r.inParams.map((p) => `${p.name} => ${p.type}`).join(', ')})`,
          )
          .join(', ')}`,
        hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
      });
    }
    const single = candidates.find(
      (r) =>
        isPost &&
        r.inParams.length === 1 &&
        r.inParams[0]?.name === '' &&
        ['json', 'jsonb'].includes(r.inParams[0].type),
    );
    if (single) return { routine: single, singleJson: true };
    const sorted = [...keys].sort();
    const signature = sorted.length ? `(${sorted.join(', ')})` : ' without parameters';
    const searched = sorted.length
      ? ` with parameter${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')}`
      : ' without parameters';
    const suggestion = closestName(name, cache.routines.keys());
    throw new RestError(404, {
      code: 'PGRST202',
      message: `Could not find the function public.${name}${signature} in the schema cache`,
      details: `Searched for the function public.${name}${searched}${isPost ? ' or with a single unnamed json/jsonb parameter' : ''}, but no matches were found in the schema cache.`,
      hint: suggestion ? `Perhaps you meant to call the function public.${suggestion}` : null,
    });
  }

  /** The top-level row range from limit/offset, the Range header (GET only) and max_rows. */
  function topRange(
    qp: QueryParams,
    rangeHeader: RowRange | null,
    applyMaxRows: boolean,
  ): RowRange {
    if (qp.limitRange.lower < 0) {
      throw new RestError(400, { code: '2201X', message: 'OFFSET must not be negative' });
    }
    let range = qp.limitRange;
    if (rangeHeader) {
      if (rangeHeader.upper !== null && rangeHeader.upper < rangeHeader.lower) {
        throw new RestError(416, {
          code: 'PGRST103',
          message: 'Requested range not satisfiable',
          details:
            'The lower boundary must be lower than or equal to the upper boundary in the Range header.',
        });
      }
      if (!qp.limitZero) range = intersectRanges(range, rangeHeader);
    }
    if (!qp.limitZero && range.upper !== null && range.upper < range.lower) {
      throw new RestError(416, {
        code: 'PGRST103',
        message: 'Requested range not satisfiable',
        details: 'Limit should be greater than or equal to zero.',
      });
    }
    if (applyMaxRows)
      range = intersectRanges(range, { lower: 0, upper: range.lower + maxRows - 1 });
    return range;
  }

  function limitSql(range: RowRange, limitZero: boolean, params: Params): string {
    if (limitZero) return 'limit 0';
    const parts: string[] = [];
    if (range.upper !== null) parts.push(`limit ${params.add(range.upper - range.lower + 1)}`);
    if (range.lower > 0) parts.push(`offset ${params.add(range.lower)}`);
    return parts.join(' ');
  }

  function bodyExpr(singular: boolean, rowColumn: string): string {
    return singular
      ? `coalesce((json_agg(${rowColumn})->0)::text, 'null')`
      : `coalesce(json_agg(${rowColumn}), '[]')::text`;
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    url: URL,
  ): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const isHead = method === 'HEAD';
    let authenticated = false;
    try {
      // PostgREST's JWT middleware runs before routing: a bad token is a 401 on any path.
      const requestRole = await resolveRequestRole(
        req.headers.authorization,
        jwtSecret,
        cache.roles,
      );
      authenticated = requestRole.role !== 'anon';
      const segments = path
        .split('/')
        .filter((s) => s !== '')
        .map((s) => {
          try {
            return decodeURIComponent(s);
          } catch {
            throw new RestError(404, {
              code: 'PGRST125',
              message: 'Invalid path specified in request URL',
            });
          }
        });
      if (segments.length === 0) {
        throw new RestError(404, {
          code: 'PGRST126',
          message: 'Root endpoint metadata is disabled',
        });
      }
      const isRpc = segments[0] === 'rpc' && segments.length === 2;
      if (!isRpc && segments.length !== 1) {
        throw new RestError(404, {
          code: 'PGRST125',
          message: 'Invalid path specified in request URL',
        });
      }
      const profile = ['GET', 'HEAD'].includes(method)
        ? req.headers['accept-profile']
        : req.headers['content-profile'];
      if (typeof profile === 'string' && profile !== 'public') {
        throw new RestError(406, {
          code: 'PGRST106',
          message: `Invalid schema: ${profile}`,
          hint: 'Only the following schemas are exposed: public',
        });
      }
      if (method === 'OPTIONS') {
        res.writeHead(200, {
          Allow: isRpc ? 'OPTIONS,GET,HEAD,POST' : 'OPTIONS,GET,HEAD,POST,PATCH,DELETE',
        });
        res.end();
        return;
      }
      const allowed = isRpc ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'];
      if (!allowed.includes(method)) {
        if (method === 'PUT' && !isRpc) {
          // PostgREST upserts one row by PUT; the local stack does not: say so, not "unsupported".
          throw new RestError(400, {
            code: 'PGRST127',
            message: 'Feature not implemented',
            details: 'PUT (single-row upsert) is not supported by the local stack',
          });
        }
        if (isRpc)
          throw new RestError(405, {
            code: 'PGRST101',
            message: `Cannot use the ${method} method on RPC`,
          });
        throw new RestError(405, {
          code: 'PGRST117',
          message: `Unsupported HTTP method: ${method}`,
        });
      }

      const media = negotiate(req.headers.accept);
      const prefs = parsePrefer(req.headers.prefer);
      const isRead = method === 'GET' || method === 'HEAD';
      const qp = parseQueryParams(url.searchParams, isRpc && isRead);
      const rangeHeader =
        method === 'GET' ? parseRangeHeader(req.headers.range as string | undefined) : null;
      const body = method === 'POST' || method === 'PATCH' ? await readBody(req, maxBodyBytes) : '';
      if (method === 'POST' || method === 'PATCH') {
        const contentType = (req.headers['content-type'] ?? 'application/json')
          .split(';')[0]
          ?.trim()
          .toLowerCase();
        if (contentType !== 'application/json' && contentType !== '') {
          throw invalidBody(`Content-Type not acceptable: ${contentType}`);
        }
      }
      const headersJson: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(req.headers))
        if (key !== 'cookie') headersJson[key] = value;

      const params = new Params();
      const responseHeaders: Record<string, string> = {};
      const contentType = media.singular
        ? 'application/vnd.pgrst.object+json; charset=utf-8'
        : jsonType;
      if (prefs.handling === 'strict' && prefs.invalid.length > 0) {
        throw new RestError(400, {
          code: 'PGRST122',
          message: 'Invalid preferences given with handling=strict',
          details: `Invalid preferences: ${prefs.invalid.join(', ')}`,
        });
      }
      // Response.hs prefAppliedHeader: in this order, each only where it applies.
      const isMutation = !isRpc && !isRead;
      const limitsAffected = isRpc || method === 'PATCH' || method === 'DELETE';
      const applied = [
        method === 'POST' && !isRpc && prefs.resolution ? `resolution=${prefs.resolution}` : null,
        (method === 'POST' || method === 'PATCH') && !isRpc && prefs.missing
          ? `missing=${prefs.missing}`
          : null,
        isMutation && prefs.return ? `return=${prefs.return}` : null,
        prefs.count ? 'count=exact' : null,
        prefs.handling ? `handling=${prefs.handling}` : null,
        prefs.handling === 'strict' && limitsAffected && prefs.maxAffected !== null
          ? `max-affected=${prefs.maxAffected}`
          : null,
      ].filter((value): value is string => value !== null);
      const singularCheck = (result: QueryResult): void => {
        if (media.singular && Number(result.page_total) !== 1)
          throw singularityError(Number(result.page_total));
        if (limitsAffected) {
          const tooMany = exceedsMaxAffected(prefs, Number(result.page_total));
          if (tooMany) throw tooMany;
        }
        if (prefs.rollback) throw new RollbackRequested(result);
      };
      const execute = async (plan: Plan): Promise<QueryResult> => {
        try {
          return await run(requestRole, method, path, headersJson, plan, singularCheck);
        } catch (error) {
          if (error instanceof RollbackRequested) return error.result;
          throw error;
        }
      };

      if (isRpc) {
        const name = segments[1] as string;
        const args: Record<string, string> = {};
        for (const [key, value] of qp.rpcArgs) args[key] = value;
        let payload: Payload | null = null;
        let keys: string[];
        if (method === 'POST') {
          payload = parsePayload(body, qp.columns, true);
          if (payload.isArray)
            throw invalidBody('Bulk calls of functions are not supported by the local stack');
          keys = payload.keys;
        } else {
          keys = Object.keys(args);
        }
        const { routine, singleJson } = findRoutine(name, keys, method === 'POST');
        if (prefs.handling === 'strict' && prefs.maxAffected !== null && !routine.returnsSet) {
          throw new RestError(400, {
            code: 'PGRST128',
            message:
              'Function must return SETOF or TABLE when max-affected preference is used with handling=strict',
          });
        }
        const argsJson = payload ? payload.raw : JSON.stringify(args);
        let call: string;
        let from: string;
        const onlyParam = routine.inParams.length === 1 ? routine.inParams[0] : undefined;
        if (singleJson || onlyParam?.name === '') {
          // Plan.hs OnePosParam: a lone unnamed parameter takes the whole argument object,
          // cast to its type (it has no name to pass it by).
          from = '';
          call = `${ident('public')}.${ident(routine.name)}(${params.add(argsJson)}::${onlyParam!.type})`;
        } else {
          const used = routine.inParams.filter((p) => keys.includes(p.name));
          const definition = used.map((p) => `${ident(p.name)} ${p.type}`).join(', ');
          from = used.length
            ? `json_to_record(${params.add(argsJson)}::json) as pgrst_args(${definition}), lateral `
            : '';
          call = `${ident('public')}.${ident(routine.name)}(${used.map((p) => `${ident(p.name)} := pgrst_args.${ident(p.name)}`).join(', ')})`;
        }
        const readOnly = isRead;
        if (routine.returnsVoid) {
          await execute({
            sql: `select 1 from ${from}${call} as pgrst_call`,
            params: params.values,
            readOnly,
          });
          res.writeHead(204, {});
          res.end();
          return;
        }
        const composite = routine.resultColumns !== null;
        const scope: Scope = {
          alias: 'pgrst_call',
          relationName: routine.name,
          columns: new Map((routine.resultColumns ?? []).map((c) => [c.name, c])),
        };
        const source = composite
          ? `${from}${call} as pgrst_call`
          : `${from}${call} as pgrst_call(pgrst_scalar)`;
        const rowExpr = composite
          ? rowJson(selectColumns(scope, qp.select, params), params, media.stripNulls)
          : 'pgrst_call.pgrst_scalar';
        const where = whereSql(scope, qp.filters, qp.logic, params);
        const order = orderSql(scope, qp.order, params);
        const range = topRange(qp, rangeHeader, true);
        const limit = limitSql(range, qp.limitZero, params);
        const single = media.singular || !routine.returnsSet;
        const total = prefs.count ? `(select count(*) from ${source} ${where})` : 'null';
        const sql = `select ${total}::bigint as total, count(*)::bigint as page_total, ${bodyExpr(single, 'pgrst_t.pgrst_row')} as body
          from (select ${rowExpr} as pgrst_row from ${source} ${where} ${order} ${limit}) pgrst_t`;
        const result = await execute({ sql, params: params.values, readOnly });
        const pageTotal = Number(result.page_total);
        const totalCount = result.total === null ? null : Number(result.total);
        const { status, header } = readStatus(range, pageTotal, totalCount);
        responseHeaders['Content-Range'] = header;
        if (applied.length) responseHeaders['Preference-Applied'] = applied.join(', ');
        if (status === 416) throw outOfBounds(range.lower, totalCount ?? 0);
        sendJson(res, status, result.body, responseHeaders, contentType, isHead);
        return;
      }

      const table = findTable(segments[0] as string);

      if (isRead) {
        const scope = tableScope(table, 'pgrst_rel');
        const rowExpr = rowJson(selectColumns(scope, qp.select, params), params, media.stripNulls);
        const where = whereSql(scope, qp.filters, qp.logic, params);
        const order = orderSql(scope, qp.order, params);
        const range = topRange(qp, rangeHeader, true);
        const limit = limitSql(range, qp.limitZero, params);
        const relation = `${ident('public')}.${ident(table.name)} as pgrst_rel`;
        const total = prefs.count ? `(select count(*) from ${relation} ${where})` : 'null';
        const sql = `select ${total}::bigint as total, count(*)::bigint as page_total, ${bodyExpr(media.singular, 'pgrst_t.pgrst_row')} as body
          from (select ${rowExpr} as pgrst_row from ${relation} ${where} ${order} ${limit}) pgrst_t`;
        const result = await execute({ sql, params: params.values, readOnly: true });
        const pageTotal = Number(result.page_total);
        const totalCount = result.total === null ? null : Number(result.total);
        const { status, header } = readStatus(range, pageTotal, totalCount);
        responseHeaders['Content-Range'] = header;
        if (applied.length) responseHeaders['Preference-Applied'] = applied.join(', ');
        if (status === 416) throw outOfBounds(range.lower, totalCount ?? 0);
        sendJson(res, status, result.body, responseHeaders, contentType, isHead);
        return;
      }

      // Mutations: the returned rows pass through select=, as PostgREST's RETURNING does.
      const wantsBody = prefs.return === 'representation';
      const outputScope = tableScope(table, 'pgrst_source');
      const rowExpr = wantsBody
        ? rowJson(selectColumns(outputScope, qp.select, params), params, media.stripNulls)
        : 'null::json';
      // An upsert that merges answers 200 when it inserted nothing (Response.hs): xmax is 0
      // only on the rows the insert created, not on those ON CONFLICT updated.
      const countsInserted = method === 'POST' && prefs.resolution === 'merge-duplicates';
      const returning =
        (wantsBody
          ? `returning ${table.columns.map((c) => `pgrst_rel.${ident(c.name)}`).join(', ')}`
          : 'returning 1') + (countsInserted ? ', (pgrst_rel.xmax = 0) as pgrst_inserted' : '');
      const noRows = `select ${table.columns.map((c) => `null::${c.type} as ${ident(c.name)}`).join(', ')}${countsInserted ? ', false as pgrst_inserted' : ''} where false`;
      /** The payload's keys as the table's columns; an unknown key is PGRST204. */
      const payloadColumns = (payload: Payload) =>
        payload.keys.map((key) => {
          const column = table.columnsByName.get(key);
          if (!column) throw columnNotFound(table.name, key);
          return column;
        });
      /**
       * The payload as a JSON array of rows, bound as one parameter. Only for SQL that runs:
       * PostgreSQL refuses a parameter the statement does not use.
       */
      const payloadRows = (payload: Payload) =>
        payload.isArray
          ? `${params.add(payload.raw)}::json`
          : `json_build_array(${params.add(payload.raw)}::json)`;
      const relation = `${ident('public')}.${ident(table.name)} as pgrst_rel`;
      const mutationScope = tableScope(table, 'pgrst_rel');
      let mutation: string;
      if (method === 'POST') {
        const payload = parsePayload(body, qp.columns, false);
        const columns = payloadColumns(payload);
        let source = '';
        if (payload.rowCount === 0) {
          // [] and non-object JSON insert nothing (Payload.hs turns the latter into []).
        } else if (columns.length === 0) {
          source = `select from json_array_elements(${payloadRows(payload)})`;
        } else if (prefs.missing === 'default' && columns.some((c) => c.defaultExpr !== null)) {
          // Missing keys take the column default (catalog expression), as `Prefer: missing=default` asks.
          const defaults = columns
            .filter((c) => c.defaultExpr !== null)
            .map((c) => `${params.add(c.name)}::text, (${c.defaultExpr})`)
            .join(', ');
          source = `select ${columns.map((c) => ident(c.name)).join(', ')} from jsonb_to_recordset(
            (select coalesce(jsonb_agg(jsonb_build_object(${defaults}) || pgrst_elem), '[]') from jsonb_array_elements(${payloadRows(payload)}::jsonb) as pgrst_elem)
          ) as pgrst_body(${recordDefinition(columns)})`;
        } else {
          source = `select ${columns.map((c) => ident(c.name)).join(', ')} from json_to_recordset(${payloadRows(payload)}) as pgrst_body(${recordDefinition(columns)})`;
        }
        let conflict = '';
        if (prefs.resolution) {
          const target = qp.onConflict ?? table.primaryKey;
          for (const name of target)
            if (!table.columnsByName.has(name)) throw columnNotFound(table.name, name);
          if (target.length > 0) {
            const updates = columns.map((c) => `${ident(c.name)} = excluded.${ident(c.name)}`);
            conflict =
              prefs.resolution === 'ignore-duplicates' || updates.length === 0
                ? `on conflict (${target.map(ident).join(', ')}) do nothing`
                : `on conflict (${target.map(ident).join(', ')}) do update set ${updates.join(', ')}`;
          }
        }
        const columnList = columns.length
          ? `(${columns.map((c) => ident(c.name)).join(', ')})`
          : '';
        mutation =
          payload.rowCount === 0
            ? noRows
            : `insert into ${relation} ${columnList} ${source} ${conflict} ${returning}`;
      } else if (method === 'PATCH') {
        const payload = parsePayload(body, qp.columns, false);
        const columns = payloadColumns(payload);
        if (columns.length === 0) {
          // QueryBuilder.hs: no columns, no UPDATE (nor its filters' parameters): no rows.
          mutation = noRows;
        } else {
          const where = whereSql(mutationScope, qp.filters, qp.logic, params);
          const rows = payloadRows(payload);
          const sets = columns
            .map((c) => `${ident(c.name)} = pgrst_body.${ident(c.name)}`)
            .join(', ');
          mutation = `update ${relation} set ${sets}
            from (select * from json_to_recordset(${rows}) as pgrst_body(${recordDefinition(columns)}) limit 1) pgrst_body
            ${where} ${returning}`;
        }
      } else {
        const where = whereSql(mutationScope, qp.filters, qp.logic, params);
        mutation = `delete from ${relation} ${where} ${returning}`;
      }
      const inserted = countsInserted
        ? 'count(*) filter (where pgrst_source.pgrst_inserted)'
        : 'null';
      const sql = `with pgrst_source as (${mutation})
        select null::bigint as total, count(*)::bigint as page_total, ${bodyExpr(media.singular, `(${rowExpr})`)} as body,
          ${inserted}::bigint as inserted
        from pgrst_source`;
      const result = await execute({ sql, params: params.values, readOnly: false });
      const affected = Number(result.page_total);
      const totalPart = prefs.count ? affected : null;
      responseHeaders['Content-Range'] =
        method === 'PATCH'
          ? contentRange(0, affected - 1, totalPart)
          : contentRange(1, 0, totalPart);
      if (applied.length) responseHeaders['Preference-Applied'] = applied.join(', ');
      if (method === 'POST') {
        const status = countsInserted && Number(result.inserted) === 0 ? 200 : 201;
        sendJson(res, status, wantsBody ? result.body : null, responseHeaders, contentType);
      } else if (wantsBody) {
        sendJson(res, 200, result.body, responseHeaders, contentType);
      } else {
        sendJson(res, 204, null, responseHeaders);
      }
    } catch (error) {
      const restError = toRestError(error, authenticated);
      // An outage (503) is reported once, by the database supervisor, not per request.
      if (restError.status >= 500 && restError.status !== 503) console.error('[rest]', error);
      if (restError instanceof PayloadTooLarge) res.setHeader('Connection', 'close');
      sendError(res, restError, isHead);
    }
  }

  return {
    handle,
    async reloadSchema() {
      cache = await loadSchemaCache(pool);
    },
  };
}

class RollbackRequested extends Error {
  constructor(readonly result: QueryResult) {
    super('rollback requested');
  }
}

function readStatus(
  range: RowRange,
  pageTotal: number,
  total: number | null,
): { status: number; header: string } {
  const lower = range.lower;
  const upper = lower + pageTotal - 1;
  const header = contentRange(lower, upper, total);
  if (total === null) return { status: 200, header };
  if (lower > total) return { status: 416, header };
  if (1 + upper - lower < total) return { status: 206, header };
  return { status: 200, header };
}

function outOfBounds(lower: number, total: number): RestError {
  return new RestError(416, {
    code: 'PGRST103',
    message: 'Requested range not satisfiable',
    details: `An offset of ${lower} was requested, but there are only ${total} rows.`,
  });
}
