// The schema cache: tables, views, columns and functions of schema `public`, read from the
// catalog once (and again on reloadSchema). Every identifier that reaches SQL comes from here.
import type pg from 'pg';

export interface Column {
  name: string;
  /** format_type() of the column, safe to paste into SQL: it comes from the catalog. */
  type: string;
  notNull: boolean;
  /** Default expression from the catalog (pg_get_expr), or null. */
  defaultExpr: string | null;
}

export interface Table {
  name: string;
  kind: 'table' | 'view';
  columns: Column[];
  columnsByName: Map<string, Column>;
  primaryKey: string[];
}

export interface RoutineParam {
  name: string;
  type: string;
  /** i (in), o (out), b (inout), v (variadic), t (table column) */
  mode: string;
}

export interface Routine {
  name: string;
  volatility: 'i' | 's' | 'v';
  returnsSet: boolean;
  returnsVoid: boolean;
  /** Columns of the composite result, or null for a scalar result. */
  resultColumns: Column[] | null;
  inParams: RoutineParam[];
  /** How many trailing input parameters have defaults. */
  defaultCount: number;
}

export interface SchemaCache {
  tables: Map<string, Table>;
  routines: Map<string, Routine[]>;
  roles: Set<string>;
}

const tablesSql = `
select c.relname as name,
       case when c.relkind in ('r', 'p', 'f') then 'table' else 'view' end as kind,
       coalesce(
         json_agg(json_build_object(
           'name', a.attname,
           'type', format_type(a.atttypid, a.atttypmod),
           'notNull', a.attnotnull,
           -- As PostgREST's schema cache: a domain's default, an identity's sequence, none
           -- for a generated column (Prefer: missing=default fills a missing key with it).
           'defaultExpr', case
             when ty.typbasetype <> 0 and d.adbin is null then pg_get_expr(ty.typdefaultbin, 0)
             when a.attidentity = 'd' then format('nextval(%L)',
               pg_get_serial_sequence(c.oid::regclass::text, a.attname))
             when a.attgenerated = 's' then null
             else pg_get_expr(d.adbin, d.adrelid)
           end
         ) order by a.attnum) filter (where a.attnum is not null),
         '[]'
       ) as columns,
       coalesce((
         select array_agg(pa.attname::text order by k.ord)
         from pg_constraint con
         cross join unnest(con.conkey) with ordinality as k(attnum, ord)
         join pg_attribute pa on pa.attrelid = con.conrelid and pa.attnum = k.attnum
         where con.conrelid = c.oid and con.contype = 'p'
       ), '{}'::text[]) as primary_key
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
left join pg_type ty on ty.oid = a.atttypid
where n.nspname = 'public' and c.relkind in ('r', 'p', 'f', 'v', 'm')
group by c.oid, c.relname, c.relkind`;

const routinesSql = `
select p.proname as name,
       p.provolatile as volatility,
       p.proretset as returns_set,
       p.prorettype = 'void'::regtype as returns_void,
       t.typrelid as ret_relid,
       p.pronargdefaults as default_count,
       coalesce((
         select json_agg(json_build_object(
           'name', coalesce(p.proargnames[x.i], ''),
           'type', format_type(x.typ, null),
           'mode', coalesce(p.proargmodes[x.i], 'i')
         ) order by x.i)
         from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality as x(typ, i)
       ), '[]') as params,
       coalesce((
         select json_agg(json_build_object(
           'name', ra.attname, 'type', format_type(ra.atttypid, ra.atttypmod),
           'notNull', false, 'defaultExpr', null
         ) order by ra.attnum)
         from pg_attribute ra
         where ra.attrelid = t.typrelid and ra.attnum > 0 and not ra.attisdropped
       ), '[]') as ret_columns
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type t on t.oid = p.prorettype
where n.nspname = 'public' and p.prokind = 'f'
  and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)`;

interface TableRow {
  name: string;
  kind: 'table' | 'view';
  columns: Column[];
  primary_key: string[];
}

interface RoutineRow {
  name: string;
  volatility: 'i' | 's' | 'v';
  returns_set: boolean;
  returns_void: boolean;
  ret_relid: number;
  default_count: number;
  params: RoutineParam[];
  ret_columns: Column[];
}

export async function loadSchemaCache(pool: pg.Pool): Promise<SchemaCache> {
  const client = await pool.connect();
  try {
    const tables = await client.query<TableRow>(tablesSql);
    const routines = await client.query<RoutineRow>(routinesSql);
    const roles = await client.query<{ rolname: string }>('select rolname from pg_roles');
    const cache: SchemaCache = { tables: new Map(), routines: new Map(), roles: new Set() };
    for (const row of tables.rows) {
      cache.tables.set(row.name, {
        name: row.name,
        kind: row.kind,
        columns: row.columns,
        columnsByName: new Map(row.columns.map((c) => [c.name, c])),
        primaryKey: row.primary_key,
      });
    }
    for (const row of routines.rows) {
      const outParams = row.params.filter(
        (p) => p.mode === 'o' || p.mode === 'b' || p.mode === 't',
      );
      let resultColumns: Column[] | null = null;
      if (Number(row.ret_relid) !== 0) resultColumns = row.ret_columns;
      else if (outParams.length > 1 || row.params.some((p) => p.mode === 't')) {
        resultColumns = outParams.map((p) => ({
          name: p.name,
          type: p.type,
          notNull: false,
          defaultExpr: null,
        }));
      }
      const routine: Routine = {
        name: row.name,
        volatility: row.volatility,
        returnsSet: row.returns_set,
        returnsVoid: row.returns_void,
        resultColumns,
        inParams: row.params.filter((p) => p.mode === 'i' || p.mode === 'b' || p.mode === 'v'),
        defaultCount: row.default_count,
      };
      const list = cache.routines.get(row.name) ?? [];
      list.push(routine);
      cache.routines.set(row.name, list);
    }
    for (const row of roles.rows) cache.roles.add(row.rolname);
    return cache;
  } finally {
    client.release();
  }
}

function levenshtein(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/** The closest name, for PostgREST's "Perhaps you meant ..." hints; null when none is close. */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}
