// A stand-in for the PostgREST client: records each request's builder calls and answers
// from the test's handler, so tests check the query as well as the screen.
export interface DbRequest {
  table: string;
  calls: Array<[method: string, args: unknown[]]>;
}

export interface DbResult {
  data?: unknown;
  error?: { code?: string; message?: string; details?: string | null; hint?: string | null } | null;
}

type Handler = (request: DbRequest) => DbResult | Promise<DbResult>;

let handler: Handler = () => ({ data: [] });
export const dbRequests: DbRequest[] = [];

export function setDbHandler(next: Handler): void {
  handler = next;
}

export function resetFakeDb(): void {
  dbRequests.length = 0;
  handler = () => ({ data: [] });
}

export function argsOf(request: DbRequest, name: string): unknown[][] {
  return request.calls.filter(([called]) => called === name).map(([, args]) => args);
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
              .then((result) => ({ data: null, error: null, ...result }))
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

export const fakeDb = { from: (table: string) => builder({ table, calls: [] }) };
