// Test fixture: a `_`-prefixed folder is never served.
// Deno's globals as far as this fixture uses them (Node's type checker reads it too).
declare const Deno: {
  serve(handler: (req: Request) => Response | Promise<Response>): unknown;
  env: { get(name: string): string | undefined };
};

Deno.serve(() => new Response('should never be served'));
