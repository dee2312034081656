// A named handler for the fake PostgREST client (src/test/fake-db.ts): an in-memory sessions
// table that answers the filters, order, range and updates a request was built with, and a
// switch that makes every request fail the way a lost connection does.
import type { SessionRow } from '@/lib/db';
import {
  method,
  methods,
  resetFakeDb,
  setDbHandler,
  type DbRequest,
  type DbResult,
} from './fake-db';

const NETWORK_ERROR = { message: 'TypeError: Failed to fetch', details: '', hint: '', code: '' };

type Column = keyof SessionRow;

function answer(request: DbRequest): DbResult {
  const patch = method(request, 'update')?.[0] as Partial<SessionRow> | undefined;
  sessionsTable.requests.push(patch ? { method: 'PATCH', patch: { ...patch } } : { method: 'GET' });
  if (sessionsTable.offline) return { data: null, error: NETWORK_ERROR };
  if (request.table !== 'sessions') throw new Error(`sessions table: no table ${request.table}`);

  const keep: Array<(row: SessionRow) => boolean> = [
    ...methods(request, 'eq').map(
      ([column, value]) =>
        (row: SessionRow) =>
          row[column as Column] === value,
    ),
    ...methods(request, 'in').map(
      ([column, values]) =>
        (row: SessionRow) =>
          (values as unknown[]).includes(row[column as Column]),
    ),
    ...methods(request, 'gte').map(
      ([column, value]) =>
        (row: SessionRow) =>
          Date.parse(String(row[column as Column])) >= Date.parse(String(value)),
    ),
  ];
  let rows = sessionsTable.rows.filter((row) => keep.every((test) => test(row)));
  if (patch) {
    // Like the RLS policy: only planned/in-progress rows can be updated.
    rows = rows.filter((row) => row.status === 'planned' || row.status === 'in_progress');
    rows = rows.map((row) => {
      const next = { ...row, ...patch } as SessionRow;
      next.total_reps = [next.set_1, next.set_2, next.set_3, next.set_4, next.set_5].reduce<number>(
        (sum, reps) => sum + (reps ?? 0),
        0,
      );
      sessionsTable.rows = sessionsTable.rows.map((stored) =>
        stored.id === row.id ? next : stored,
      );
      return next;
    });
  }
  const descending = methods(request, 'order')
    .filter(([, options]) => (options as { ascending?: boolean } | undefined)?.ascending === false)
    .at(-1)?.[0] as Column | undefined;
  if (descending) {
    rows = [...rows].sort((a, b) => String(b[descending]).localeCompare(String(a[descending])));
  }
  const range = method(request, 'range') as [number, number] | undefined;
  const limit = method(request, 'limit')?.[0] as number | undefined;
  const offset = range ? range[0] : 0;
  const max = range ? range[1] - range[0] + 1 : (limit ?? Infinity);
  rows = rows.slice(offset, offset + max);
  if (!method(request, 'single')) return { data: rows, error: null };
  if (rows.length !== 1) {
    return {
      data: null,
      error: {
        code: 'PGRST116',
        message: 'JSON object requested, multiple (or no) rows returned',
        details: '',
        hint: '',
      },
    };
  }
  return { data: rows[0], error: null };
}

export const sessionsTable = {
  rows: [] as SessionRow[],
  offline: false,
  /** Set: every request waits for it (a slow connection, to look at the screen meanwhile). */
  hold: null as Promise<void> | null,
  requests: [] as Array<{ method: 'GET' | 'PATCH'; patch?: Record<string, unknown> }>,
  /** Empties the table and makes it the fake client's answer. */
  reset() {
    this.rows = [];
    this.offline = false;
    this.hold = null;
    this.requests = [];
    resetFakeDb();
    setDbHandler(async (request) => {
      await sessionsTable.hold;
      return answer(request);
    });
  },
};
