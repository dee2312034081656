// SQL text for one REST request. Identifiers come only from the schema cache (quoted), SQL
// operators and casts only from fixed tables in this project, and every value the client
// sent travels as a bind parameter.
import type { Column } from './schema-cache.ts';
import type { FieldRef, Filter, LogicTree, OrderTerm, SelectItem } from './query-params.ts';
import { ftsFunctions } from './query-params.ts';
import { RestError, undefinedColumn } from './rest-error.ts';

/** Quotes a catalog identifier. Callers pass only names read from the catalog. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Casts a client may ask for in select=col::type, mapped to SQL written here.
const castTypes: Record<string, string> = {
  text: 'text',
  varchar: 'varchar',
  int: 'integer',
  integer: 'integer',
  int2: 'smallint',
  smallint: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  bigint: 'bigint',
  numeric: 'numeric',
  float: 'double precision',
  float4: 'real',
  float8: 'double precision',
  real: 'real',
  bool: 'boolean',
  boolean: 'boolean',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  uuid: 'uuid',
  json: 'json',
  jsonb: 'jsonb',
};

/** The columns visible under one alias, and the name PostgreSQL would use in its errors. */
export interface Scope {
  alias: string;
  relationName: string;
  columns: Map<string, Column>;
}

export function columnExpr(scope: Scope, field: FieldRef, params: Params): string {
  if (!scope.columns.has(field.name)) throw undefinedColumn(scope.relationName, field.name);
  let expr = `${scope.alias}.${ident(field.name)}`;
  for (const step of field.jsonPath) {
    const key = step.isIndex ? `${params.add(step.key)}::integer` : `${params.add(step.key)}::text`;
    expr = `(${expr}${step.arrow}${key})`;
  }
  return expr;
}

export interface OutputColumn {
  key: string;
  expr: string;
}

/** select= items as (JSON key, SQL expression) pairs. */
export function selectColumns(scope: Scope, items: SelectItem[], params: Params): OutputColumn[] {
  const out: OutputColumn[] = [];
  for (const item of items) {
    if (item.kind === 'star') {
      for (const name of scope.columns.keys())
        out.push({ key: name, expr: `${scope.alias}.${ident(name)}` });
      continue;
    }
    let expr = columnExpr(scope, item.field, params);
    if (item.cast !== null) {
      const sqlType = castTypes[item.cast.toLowerCase()];
      if (!sqlType) {
        throw new RestError(400, { code: '42704', message: `type "${item.cast}" does not exist` });
      }
      expr = `(${expr})::${sqlType}`;
    }
    const lastStep = item.field.jsonPath[item.field.jsonPath.length - 1];
    const key = item.alias ?? (lastStep && !lastStep.isIndex ? lastStep.key : item.field.name);
    out.push({ key, expr });
  }
  return out;
}

/** A JSON object per row; keys are bind parameters. json_build_object takes at most 100 args. */
export function rowJson(columns: OutputColumn[], params: Params, stripNulls: boolean): string {
  const chunks: string[] = [];
  for (let i = 0; i < columns.length; i += 50) {
    const pairs = columns.slice(i, i + 50).map((c) => `${params.add(c.key)}::text, ${c.expr}`);
    chunks.push(`json_build_object(${pairs.join(', ')})`);
  }
  let json =
    chunks.length === 0
      ? `'{}'::json`
      : chunks.length === 1
        ? (chunks[0] as string)
        : `(${chunks.map((c) => `${c}::jsonb`).join(' || ')})::json`;
  if (stripNulls) json = `json_strip_nulls(${json})`;
  return json;
}

function filterSql(scope: Scope, filter: Filter, params: Params): string {
  const lhs = columnExpr(scope, filter.field, params);
  const op = filter.operation;
  let sql: string;
  switch (op.kind) {
    case 'compare': {
      const isLike = op.operator === 'like' || op.operator === 'ilike';
      const value = isLike ? op.value.replaceAll('*', '%') : op.value;
      sql =
        op.quantifier === null
          ? `${lhs} ${op.operator} ${params.add(value)}`
          : `${lhs} ${op.operator} ${op.quantifier}(${params.add(value)})`;
      break;
    }
    case 'in':
      sql = `${lhs} = any(${params.add(op.values)})`;
      break;
    case 'is': {
      const tests = {
        null: 'is null',
        not_null: 'is not null',
        true: 'is true',
        false: 'is false',
        unknown: 'is unknown',
      };
      sql = `${lhs} ${tests[op.value]}`;
      break;
    }
    case 'isdistinct':
      sql = `${lhs} is distinct from ${params.add(op.value)}`;
      break;
    case 'fts': {
      const fn = ftsFunctions[op.fn] as string;
      const args =
        op.language === null
          ? params.add(op.value)
          : `${params.add(op.language)}::regconfig, ${params.add(op.value)}`;
      sql = `${lhs} @@ ${fn}(${args})`;
      break;
    }
  }
  return filter.negate ? `not (${sql})` : sql;
}

function logicSql(scope: Scope, tree: LogicTree, params: Params): string {
  if (tree.kind === 'filter') return filterSql(scope, tree.filter, params);
  const parts = tree.children.map((child) => logicSql(scope, child, params));
  const joined = `(${parts.join(tree.operator === 'and' ? ' and ' : ' or ')})`;
  return tree.negate ? `not ${joined}` : joined;
}

export function whereSql(
  scope: Scope,
  filters: Filter[],
  logic: LogicTree[],
  params: Params,
): string {
  const parts = [
    ...filters.map((f) => filterSql(scope, f, params)),
    ...logic.map((t) => logicSql(scope, t, params)),
  ];
  return parts.length ? `where ${parts.join(' and ')}` : '';
}

export function orderSql(scope: Scope, terms: OrderTerm[], params: Params): string {
  if (!terms.length) return '';
  const parts = terms.map((t) => {
    let sql = columnExpr(scope, t.field, params);
    if (t.direction) sql += ` ${t.direction}`;
    if (t.nulls) sql += ` nulls ${t.nulls}`;
    return sql;
  });
  return `order by ${parts.join(', ')}`;
}
