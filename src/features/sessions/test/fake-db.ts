// A stand-in for the PostgREST client in component tests: every builder call is recorded,
// and the awaited result comes from the test's handler, so tests can assert the query itself
// (filters, range, payload) as well as what the screen does with the answer.
import type { SessionRow } from '@/lib/db';

export interface DbRequest {
  table: string;
  calls: Array<[method: string, args: unknown[]]>;
}

export interface DbResult {
  data?: unknown;
  error?: { code?: string; message?: string; hint?: string | null; details?: string | null } | null;
  count?: number | null;
}

export type DbHandler = (request: DbRequest) => DbResult | Promise<DbResult>;

export function method(request: DbRequest, name: string): unknown[] | undefined {
  return request.calls.find(([called]) => called === name)?.[1];
}

export function methods(request: DbRequest, name: string): unknown[][] {
  return request.calls.filter(([called]) => called === name).map(([, args]) => args);
}

let handler: DbHandler = () => ({ data: null, error: null });
export const dbRequests: DbRequest[] = [];

export function setDbHandler(next: DbHandler): void {
  handler = next;
}

export function resetFakeDb(): void {
  dbRequests.length = 0;
  handler = () => ({ data: null, error: null });
}

function builder(request: DbRequest): unknown {
  const proxy: unknown = new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'then') {
          return (resolve: (value: unknown) => unknown, reject: (reason: unknown) => unknown) =>
            Promise.resolve()
              .then(() => {
                dbRequests.push(request);
                return handler(request);
              })
              .then((result) => ({ data: null, error: null, count: null, ...result }))
              .then(resolve, reject);
        }
        return (...args: unknown[]) => {
          request.calls.push([String(property), args]);
          return proxy;
        };
      },
    },
  );
  return proxy;
}

export const fakeDb = {
  from: (table: string) => builder({ table, calls: [] }),
};

/** Which of the feature's requests this is, read from its shape. */
export function kindOf(request: DbRequest): string {
  if (method(request, 'insert')) return 'insert';
  if (method(request, 'update')) return 'update';
  if (method(request, 'delete')) return 'delete';
  const inArgs = method(request, 'in');
  if (method(request, 'eq')?.[0] === 'id') return 'detail';
  if (method(request, 'range')) return 'list';
  if (inArgs && JSON.stringify(inArgs[1]) === '["planned","in_progress"]') return 'active';
  if (inArgs && JSON.stringify(inArgs[1]) === '["completed","failed"]') return 'recent';
  return 'unknown';
}

export const USER_ID = '00000000-0000-4000-8000-000000000001';

export function sessionRow(overrides: Partial<SessionRow> = {}): SessionRow {
  const sets = [
    overrides.set_1,
    overrides.set_2,
    overrides.set_3,
    overrides.set_4,
    overrides.set_5,
  ];
  return {
    id: '10000000-0000-4000-8000-000000000001',
    user_id: USER_ID,
    status: 'planned',
    session_date: '2025-06-15T10:00:00+00:00',
    set_1: null,
    set_2: null,
    set_3: null,
    set_4: null,
    set_5: null,
    total_reps: sets.reduce<number>((sum, reps) => sum + (reps ?? 0), 0),
    rpe: null,
    is_ai_generated: false,
    is_modified: false,
    ai_comment: null,
    created_at: '2025-06-10T10:00:00+00:00',
    updated_at: '2025-06-10T10:00:00+00:00',
    ...overrides,
  };
}
