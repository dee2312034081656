// A stand-in for the PostgREST client in component tests: every builder call is recorded,
// and the awaited result comes from the test's handler, so tests can assert the query itself
// (filters, range, payload) as well as what the screen does with the answer. A feature's
// test mocks `@/lib/db` with `fakeDb`.
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
/** Requests awaited but not answered yet, and the most there were at once. */
export const dbTraffic = { inFlight: 0, maxInFlight: 0 };

export function setDbHandler(next: DbHandler): void {
  handler = next;
}

export function resetFakeDb(): void {
  dbRequests.length = 0;
  dbTraffic.inFlight = 0;
  dbTraffic.maxInFlight = 0;
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
                dbTraffic.inFlight += 1;
                dbTraffic.maxInFlight = Math.max(dbTraffic.maxInFlight, dbTraffic.inFlight);
                return handler(request);
              })
              .then((result) => ({ data: null, error: null, count: null, ...result }))
              .finally(() => {
                dbTraffic.inFlight -= 1;
              })
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
