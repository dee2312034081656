// The query-string grammar of PostgREST (its ApiRequest/QueryParams.hs): select, filters,
// logic trees, order, limit/offset, columns, on_conflict. Parsing only; nothing here touches
// SQL. Parse errors are PostgREST's PGRST100 with a Parsec-like message.
import { notEmbedded, queryParamError, RestError } from './rest-error.ts';

export interface JsonStep {
  arrow: '->' | '->>';
  key: string;
  isIndex: boolean;
}

export interface FieldRef {
  name: string;
  jsonPath: JsonStep[];
}

export type SelectItem =
  { kind: 'star' } | { kind: 'field'; field: FieldRef; alias: string | null; cast: string | null };

export type IsValue = 'null' | 'not_null' | 'true' | 'false' | 'unknown';

export type Operation =
  | { kind: 'compare'; operator: string; quantifier: 'any' | 'all' | null; value: string }
  | { kind: 'in'; values: string[] }
  | { kind: 'is'; value: IsValue }
  | { kind: 'isdistinct'; value: string }
  | { kind: 'fts'; fn: string; language: string | null; value: string };

export interface Filter {
  field: FieldRef;
  negate: boolean;
  operation: Operation;
}

export type LogicTree =
  | { kind: 'filter'; filter: Filter }
  | { kind: 'expr'; negate: boolean; operator: 'and' | 'or'; children: LogicTree[] };

export interface OrderTerm {
  field: FieldRef;
  direction: 'asc' | 'desc' | null;
  nulls: 'first' | 'last' | null;
}

/** Inclusive row range; upper null means unbounded. `limitZero` is PostgREST's special 0..-1. */
export interface RowRange {
  lower: number;
  upper: number | null;
}

export interface QueryParams {
  select: SelectItem[];
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  limitRange: RowRange;
  limitZero: boolean;
  columns: string[] | null;
  onConflict: string[] | null;
  /** Query values without an operator: the arguments of a GET/HEAD rpc call. */
  rpcArgs: Array<[string, string]>;
}

// SQL operators for PostgREST's operator names; the SQL text is ours, never the client's.
export const compareOperators: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
  match: '~',
  imatch: '~*',
  cs: '@>',
  cd: '<@',
  ov: '&&',
  sl: '<<',
  sr: '>>',
  nxr: '&<',
  nxl: '&>',
  adj: '-|-',
};
const quantifiable = new Set(['eq', 'gte', 'gt', 'lte', 'lt', 'like', 'ilike', 'match', 'imatch']);
// Longest first so that "gte" wins over "gt" and "imatch" over "match".
const operatorNames = [
  'neq',
  'cs',
  'cd',
  'ov',
  'sl',
  'sr',
  'nxr',
  'nxl',
  'adj',
  'eq',
  'gte',
  'gt',
  'lte',
  'lt',
  'like',
  'ilike',
  'match',
  'imatch',
];
export const ftsFunctions: Record<string, string> = {
  fts: 'to_tsquery',
  plfts: 'plainto_tsquery',
  phfts: 'phraseto_tsquery',
  wfts: 'websearch_to_tsquery',
};

class ParseFailure extends Error {
  constructor(
    readonly position: number,
    readonly details: string,
  ) {
    super(details);
  }
}

/** A small cursor over one parameter value, in the manner of Parsec. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }
  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }
  eat(token: string): boolean {
    if (!this.startsWith(token)) return false;
    this.pos += token.length;
    return true;
  }
  expect(token: string, what = `"${token}"`): void {
    if (!this.eat(token)) this.fail(what);
  }
  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos += 1;
  }
  fail(expecting: string): never {
    const unexpected = this.done ? 'end of input' : JSON.stringify(this.peek());
    throw new ParseFailure(this.pos, `unexpected ${unexpected} expecting ${expecting}`);
  }
}

function runParser<T>(what: string, value: string, parse: (c: Cursor) => T): T {
  const cursor = new Cursor(value);
  try {
    return parse(cursor);
  } catch (error) {
    if (error instanceof ParseFailure) {
      throw queryParamError(
        `"failed to parse ${what} (${value})" (line 1, column ${error.position + 1})`,
        error.details,
      );
    }
    throw error;
  }
}

const identifierChar = /[\p{L}\p{N}_ $]/u;

function parseQuoted(c: Cursor): string {
  c.expect('"');
  let out = '';
  while (!c.done && c.peek() !== '"') {
    if (c.peek() === '\\') c.pos += 1;
    if (c.done) break;
    out += c.peek();
    c.pos += 1;
  }
  c.expect('"');
  return out;
}

/** Identifier chars joined by single dashes that do not start an arrow (PostgREST's sepByDash). */
function parseDashed(c: Cursor, isChar: (ch: string) => boolean, what: string): string {
  const parts: string[] = [];
  for (;;) {
    let part = '';
    while (!c.done && isChar(c.peek())) {
      part += c.peek();
      c.pos += 1;
    }
    if (part === '') c.fail(what);
    parts.push(part.trim());
    if (c.peek() === '-' && c.peek(1) !== '>') c.pos += 1;
    else break;
  }
  return parts.join('-');
}

function parseFieldName(c: Cursor): string {
  if (c.peek() === '"') return parseQuoted(c);
  return parseDashed(c, (ch) => identifierChar.test(ch), 'field name (* or [a..z0..9_$])');
}

function parseJsonPath(c: Cursor): JsonStep[] {
  const steps: JsonStep[] = [];
  for (;;) {
    let arrow: '->' | '->>';
    if (c.eat('->>')) arrow = '->>';
    else if (c.eat('->')) arrow = '->';
    else return steps;
    const index = /^-?[0-9]+/.exec(c.text.slice(c.pos));
    const after = index ? c.text.slice(c.pos + index[0].length) : '';
    if (index && (after === '' || /^(->|::|\.|,)/.test(after))) {
      c.pos += index[0].length;
      steps.push({ arrow, key: index[0], isIndex: true });
      continue;
    }
    const key =
      c.peek() === '"'
        ? parseQuoted(c)
        : parseDashed(
            c,
            (ch) => !'(-:.,>)'.includes(ch),
            'any non reserved character different from: .,>()',
          );
    steps.push({ arrow, key, isIndex: false });
  }
}

function parseField(c: Cursor): FieldRef {
  c.skipSpaces();
  const name = parseFieldName(c);
  const jsonPath = parseJsonPath(c);
  c.skipSpaces();
  return { name, jsonPath };
}

function parseIdentifier(c: Cursor): string {
  let out = '';
  while (!c.done && identifierChar.test(c.peek())) {
    out += c.peek();
    c.pos += 1;
  }
  if (out.trim() === '') c.fail('letter or digit');
  return out.trim();
}

const notImplementedEmbedding = (): RestError =>
  new RestError(400, {
    code: 'PGRST127',
    message: 'Feature not implemented',
    details: 'Resource embedding is not supported by the local stack',
  });

const aggregatesNotAllowed = (): RestError =>
  new RestError(400, { code: 'PGRST123', message: 'Use of aggregate functions is not allowed' });

function atItemEnd(c: Cursor): boolean {
  return c.done || c.peek() === ',' || c.peek() === ')';
}

function parseSelectItem(c: Cursor): SelectItem {
  c.skipSpaces();
  if (c.startsWith('...')) throw notImplementedEmbedding();
  if (c.peek() === '*') {
    c.pos += 1;
    c.skipSpaces();
    if (!atItemEnd(c)) c.fail('")", "," or end of input');
    return { kind: 'star' };
  }
  let alias: string | null = null;
  const start = c.pos;
  const first = parseFieldName(c);
  if (c.peek() === ':' && c.peek(1) !== ':') {
    c.pos += 1;
    alias = first;
  } else {
    c.pos = start;
  }
  if (c.startsWith('count()')) throw aggregatesNotAllowed();
  const field = parseField(c);
  if (c.peek() === '(' || c.peek() === '!') throw notImplementedEmbedding();
  let cast: string | null = null;
  if (c.eat('::')) cast = parseIdentifier(c);
  if (c.peek() === '.' && /^\.(sum|avg|count|max|min)\(\)/.test(c.text.slice(c.pos))) {
    throw aggregatesNotAllowed();
  }
  c.skipSpaces();
  if (!atItemEnd(c)) c.fail('letter, digit, "-", "->>", "->", "::", ".", ")", "," or end of input');
  return { kind: 'field', field, alias, cast };
}

export function parseSelect(value: string): SelectItem[] {
  return runParser('select parameter', value, (c) => {
    const items: SelectItem[] = [];
    if (value.trim() === '') return items;
    for (;;) {
      items.push(parseSelectItem(c));
      c.skipSpaces();
      if (c.done) return items;
      if (c.peek() === ')') c.fail('"," or end of input');
      c.expect(',');
    }
  });
}

function parseIsValue(c: Cursor): IsValue {
  for (const v of ['null', 'not_null', 'true', 'false', 'unknown'] as const) {
    if (c.text.slice(c.pos, c.pos + v.length).toLowerCase() === v) {
      c.pos += v.length;
      return v;
    }
  }
  return c.fail('isVal: (null, not_null, true, false, unknown)');
}

function parseListElement(c: Cursor): string {
  if (c.peek() === '"') {
    const save = c.pos;
    const quoted = parseQuoted(c);
    if (c.done || c.peek() === ',' || c.peek() === ')') return quoted;
    c.pos = save;
  }
  let out = '';
  while (!c.done && c.peek() !== ',' && c.peek() !== ')') {
    out += c.peek();
    c.pos += 1;
  }
  return out;
}

function parseList(c: Cursor): string[] {
  c.skipSpaces();
  c.expect('(');
  c.skipSpaces();
  const values: string[] = [];
  if (c.eat(')')) return values;
  for (;;) {
    values.push(parseListElement(c));
    if (c.eat(',')) continue;
    c.skipSpaces();
    c.expect(')', '"," or ")"');
    return values;
  }
}

/** PostgREST's pOpExpr: `[not.]operator[.modifier].value`, the value read by `readValue`. */
function parseOperation(
  c: Cursor,
  readValue: (c: Cursor) => string,
): { negate: boolean; operation: Operation } {
  const negate = c.eat('not.');
  if (c.eat('in.')) return { negate, operation: { kind: 'in', values: parseList(c) } };
  if (c.eat('is.')) return { negate, operation: { kind: 'is', value: parseIsValue(c) } };
  if (c.eat('isdistinct.'))
    return { negate, operation: { kind: 'isdistinct', value: readValue(c) } };
  for (const fts of Object.keys(ftsFunctions)) {
    const save = c.pos;
    if (!c.eat(fts)) continue;
    let language: string | null = null;
    if (c.eat('(')) {
      language = parseIdentifier(c);
      c.expect(')');
    }
    if (c.eat('.'))
      return { negate, operation: { kind: 'fts', fn: fts, language, value: readValue(c) } };
    c.pos = save;
  }
  for (const name of operatorNames) {
    const save = c.pos;
    if (!c.eat(name)) continue;
    let quantifier: 'any' | 'all' | null = null;
    if (quantifiable.has(name)) {
      if (c.eat('(any)')) quantifier = 'any';
      else if (c.eat('(all)')) quantifier = 'all';
    }
    if (c.eat('.')) {
      const operator = compareOperators[name] as string;
      return { negate, operation: { kind: 'compare', operator, quantifier, value: readValue(c) } };
    }
    c.pos = save;
  }
  return c.fail(negate ? 'operator (eq, gt, ...)' : '"not" or operator (eq, gt, ...)');
}

const readRest = (c: Cursor): string => {
  const value = c.text.slice(c.pos);
  c.pos = c.text.length;
  return value;
};

/** A value inside or=(...)/and=(...): quoted, a {pg,array}, or up to the next `,` or `)`. */
const readLogicValue = (c: Cursor): string => {
  if (c.peek() === '"') {
    const save = c.pos;
    const quoted = parseQuoted(c);
    if (c.done || c.peek() === ',' || c.peek() === ')') return quoted;
    c.pos = save;
  }
  if (c.peek() === '{') {
    const end = c.text.indexOf('}', c.pos);
    const inner = end >= 0 ? c.text.slice(c.pos + 1, end) : '';
    if (end >= 0 && !inner.includes('{')) {
      const value = c.text.slice(c.pos, end + 1);
      c.pos = end + 1;
      return value;
    }
  }
  let out = '';
  while (!c.done && c.peek() !== ',' && c.peek() !== ')') {
    out += c.peek();
    c.pos += 1;
  }
  return out;
};

/**
 * Deeper and/or nesting than any real filter; past it the recursion (here, and PostgreSQL's
 * on the SQL it becomes) would overflow the stack: a client mistake, refused as one.
 */
const MAX_LOGIC_DEPTH = 100;

function parseLogicTree(c: Cursor, depth = 1): LogicTree {
  if (depth > MAX_LOGIC_DEPTH) {
    throw new ParseFailure(c.pos, `logic tree nested deeper than ${MAX_LOGIC_DEPTH} levels`);
  }
  c.skipSpaces();
  const save = c.pos;
  // A filter `field.op.value` first (PostgREST tries it before a nested and/or).
  try {
    const field = parseField(c);
    c.expect('.', 'delimiter (.)');
    const { negate, operation } = parseOperation(c, readLogicValue);
    return { kind: 'filter', filter: { field, negate, operation } };
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    c.pos = save;
  }
  const negate = c.eat('not.');
  let operator: 'and' | 'or';
  if (c.eat('and')) operator = 'and';
  else if (c.eat('or')) operator = 'or';
  else return c.fail('logic operator (and, or)');
  c.skipSpaces();
  c.expect('(');
  const children: LogicTree[] = [];
  for (;;) {
    children.push(parseLogicTree(c, depth + 1));
    c.skipSpaces();
    if (c.eat(',')) continue;
    c.expect(')', '"," or ")"');
    c.skipSpaces();
    return { kind: 'expr', negate, operator, children };
  }
}

function parseOrder(value: string): OrderTerm[] {
  return runParser('order', value, (c) => {
    const terms: OrderTerm[] = [];
    for (;;) {
      c.skipSpaces();
      const field = parseField(c);
      if (c.peek() === '(') throw notEmbedded(field.name);
      let direction: 'asc' | 'desc' | null = null;
      let nulls: 'first' | 'last' | null = null;
      if (c.startsWith('.asc')) {
        c.pos += 4;
        direction = 'asc';
      } else if (c.startsWith('.desc')) {
        c.pos += 5;
        direction = 'desc';
      }
      if (c.startsWith('.nullsfirst')) {
        c.pos += 11;
        nulls = 'first';
      } else if (c.startsWith('.nullslast')) {
        c.pos += 10;
        nulls = 'last';
      }
      c.skipSpaces();
      terms.push({ field, direction, nulls });
      if (c.done) return terms;
      if (c.peek() !== ',') c.fail('"asc", "desc", "nullsfirst" or "nullslast"');
      c.pos += 1;
    }
  });
}

function parseColumnList(what: string, value: string): string[] {
  return runParser(what, value, (c) => {
    const names: string[] = [];
    for (;;) {
      c.skipSpaces();
      names.push(parseFieldName(c));
      c.skipSpaces();
      if (c.done) return names;
      c.expect(',', '"," or end of input');
    }
  });
}

/** Splits a query-string key into its embed path and field (PostgREST's pTreePath). */
function parseKey(key: string): { path: string[]; field: FieldRef } {
  return runParser('tree path', key, (c) => {
    const names = [parseFieldName(c)];
    while (c.eat('.')) names.push(parseFieldName(c));
    const jsonPath = parseJsonPath(c);
    if (!c.done) c.fail('"." or end of input');
    const name = names.pop() as string;
    return { path: names, field: { name, jsonPath } };
  });
}

function parseInteger(value: string): number | null {
  return /^-?[0-9]+$/.test(value.trim()) ? Number(value.trim()) : null;
}

export function parseQueryParams(search: URLSearchParams, isRpcRead: boolean): QueryParams {
  const result: QueryParams = {
    select: [{ kind: 'star' }],
    filters: [],
    logic: [],
    order: [],
    limitRange: { lower: 0, upper: null },
    limitZero: false,
    columns: null,
    onConflict: null,
    rpcArgs: [],
  };
  let limit: number | null = null;
  let offset: number | null = null;
  for (const [key, value] of search) {
    if (key === 'select') {
      result.select = parseSelect(value);
      continue;
    }
    if (key === 'columns') {
      result.columns = parseColumnList('columns parameter', value);
      continue;
    }
    if (key === 'on_conflict') {
      result.onConflict = parseColumnList('on_conflict parameter', value);
      continue;
    }
    if (value === '') continue; // PostgREST drops empty parameters
    if (key === 'apikey') continue; // the gateway's key, consumed before PostgREST
    const segments = key.split('.');
    const last = segments[segments.length - 1] as string;
    if (['order', 'limit', 'offset', 'and', 'or'].includes(last)) {
      const prefix = segments.slice(0, -1).filter((s) => s !== 'not');
      if (prefix.length > 0) throw notEmbedded(prefix[0] as string);
      if (last === 'order') result.order.push(...parseOrder(value));
      else if (last === 'limit') limit = parseInteger(value);
      else if (last === 'offset') offset = parseInteger(value);
      else {
        const negated = segments.length > 1 && segments[0] === 'not';
        const text = `${negated ? 'not.' : ''}${last}${value}`;
        const tree = runParser('logic tree', text, (c) => {
          const parsed = parseLogicTree(c);
          if (!c.done) c.fail('end of input');
          return parsed;
        });
        result.logic.push(tree);
      }
      continue;
    }
    const { path, field } = parseKey(key);
    if (isRpcRead) {
      // An rpc read takes values without an operator as the function's arguments.
      try {
        const parsed = runParser('filter', value, (c) => parseOperation(c, readRest));
        if (path.length > 0) throw notEmbedded(path[0] as string);
        result.filters.push({ field, ...parsed });
      } catch (error) {
        if (!(error instanceof RestError) || error.body.code !== 'PGRST100') throw error;
        if (path.length > 0 || field.jsonPath.length > 0) throw error;
        result.rpcArgs.push([field.name, value]);
      }
      continue;
    }
    const parsed = runParser('filter', value, (c) => parseOperation(c, readRest));
    if (path.length > 0) throw notEmbedded(path[0] as string);
    result.filters.push({ field, ...parsed });
  }
  if (limit !== null || offset !== null) {
    const lower = offset ?? 0;
    if (limit === 0) result.limitZero = true;
    result.limitRange = { lower, upper: limit === null ? null : lower + limit - 1 };
  }
  return result;
}

/** The Range request header (`0-9`, `10-`), or null when absent or malformed (then ignored). */
export function parseRangeHeader(value: string | undefined): RowRange | null {
  if (!value) return null;
  const match = /^([0-9]+)-([0-9]*)$/.exec(value.trim());
  if (!match) return null;
  return { lower: Number(match[1]), upper: match[2] === '' ? null : Number(match[2]) };
}

export function intersectRanges(a: RowRange, b: RowRange): RowRange {
  const lower = Math.max(a.lower, b.lower);
  const uppers = [a.upper, b.upper].filter((u): u is number => u !== null);
  return { lower, upper: uppers.length ? Math.min(...uppers) : null };
}
