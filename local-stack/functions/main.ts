// Deno entry point of the local stack's Edge Functions: imports every function's index.ts with
// `Deno.serve` replaced so each call only hands over its handler, then serves all of them on
// one port and routes `/<name>/...` to the handler, as Supabase's edge runtime does per worker.
// Run by local-stack/functions/runner.ts with real Deno; never imported by Node.

type Handler = (request: Request, info: unknown) => Response | Promise<Response>;
type ErrorHandler = (error: unknown) => Response | Promise<Response>;
interface ServeOptions {
  port?: number;
  hostname?: string;
  handler?: Handler;
  onError?: ErrorHandler;
  onListen?: (addr: { hostname: string; port: number }) => void;
}
interface DenoServer {
  finished: Promise<void>;
  addr: { hostname: string; port: number; transport: 'tcp' };
  shutdown(): Promise<void>;
  ref(): void;
  unref(): void;
}
type Serve = (first: ServeOptions | Handler, second?: Handler) => DenoServer;

// The subset of the Deno namespace used here (Node's type checker sees this file too).
declare const Deno: {
  serve: Serve;
  env: { get(name: string): string | undefined };
  readDir(path: string): AsyncIterable<{ name: string; isDirectory: boolean }>;
  stat(path: string): Promise<{ isFile: boolean }>;
  exit(code: number): never;
  stdin: { read(buffer: Uint8Array): Promise<number | null> };
};

interface LoadedFunction {
  handler?: Handler;
  onError?: ErrorHandler;
  bootError?: unknown;
}

const functionsDir = Deno.env.get('LOCAL_FUNCTIONS_DIR') ?? '';
const port = Number(Deno.env.get('LOCAL_FUNCTIONS_PORT') ?? '0');
const realServe = Deno.serve.bind(Deno) as Serve;
const functions = new Map<string, LoadedFunction>();
let loading: LoadedFunction | undefined;

const idleServer = (): DenoServer => ({
  finished: new Promise<void>(() => {}),
  addr: { hostname: '127.0.0.1', port, transport: 'tcp' },
  shutdown: async () => {},
  ref: () => {},
  unref: () => {},
});

Deno.serve = ((first: ServeOptions | Handler, second?: Handler) => {
  const options = typeof first === 'function' ? {} : first;
  const handler = typeof first === 'function' ? first : (second ?? first.handler);
  if (!loading) throw new Error('Deno.serve may only be called while a function module loads');
  if (handler) loading.handler = handler;
  if (options.onError) loading.onError = options.onError;
  return idleServer();
}) as Serve;

// A function's stray promise rejection must not take the other functions down.
globalThis.addEventListener('unhandledrejection', (event: Event) => {
  event.preventDefault();
  console.error('[functions] unhandled rejection:', (event as PromiseRejectionEvent).reason);
});

// The runner holds our stdin open; when it ends, the stack is gone (even by SIGKILL, which it
// cannot catch), so go too rather than live on as an orphan in our own process group.
void (async () => {
  const buffer = new Uint8Array(64);
  try {
    while ((await Deno.stdin.read(buffer)) !== null) {
      // nothing is ever written; we only wait for the end
    }
  } finally {
    Deno.exit(0);
  }
})();

async function hasIndex(dir: string): Promise<boolean> {
  try {
    return (await Deno.stat(`${dir}/index.ts`)).isFile;
  } catch {
    return false;
  }
}

const names: string[] = [];
for await (const entry of Deno.readDir(functionsDir)) {
  if (!entry.isDirectory || entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
  if (await hasIndex(`${functionsDir}/${entry.name}`)) names.push(entry.name);
}
names.sort();

for (const name of names) {
  const loaded: LoadedFunction = {};
  functions.set(name, loaded);
  loading = loaded;
  try {
    await import(new URL(`file://${functionsDir}/${name}/index.ts`).href);
    if (!loaded.handler) loaded.bootError = new Error('index.ts never called Deno.serve');
  } catch (error) {
    loaded.bootError = error;
  }
  loading = undefined;
  if (loaded.bootError) console.error(`[functions] ${name} failed to boot:`, loaded.bootError);
}

/** One line a person can act on: the error's first line (Deno's resolution errors run on). */
function bootReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'unknown error';
}
const bootErrors: Record<string, string> = {};
for (const [name, loaded] of functions) {
  if (loaded.bootError) bootErrors[name] = bootReason(loaded.bootError);
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

async function route(request: Request, info: unknown): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === '/_internal/health') return json(200, { functions: names, bootErrors });
  const name = decodeURIComponent(url.pathname.split('/')[1] ?? '');
  const loaded = functions.get(name);
  if (!loaded) return json(404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
  if (!loaded.handler) {
    return json(503, {
      code: 'BOOT_ERROR',
      message: 'Function failed to start (please check logs)',
    });
  }
  try {
    return await loaded.handler(request, info);
  } catch (error) {
    console.error(`[functions] ${name} threw:`, error);
    if (loaded.onError) {
      try {
        return await loaded.onError(error);
      } catch {
        // fall through to the default answer
      }
    }
    return new Response('Internal Server Error', {
      status: 500,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    });
  }
}

realServe(
  {
    port,
    hostname: '127.0.0.1',
    onListen: (addr) =>
      console.log(`LOCAL_FUNCTIONS_READY ${addr.port} ${JSON.stringify({ names, bootErrors })}`),
  },
  route,
);
