// Test fixture: a handler that throws, so tests see a 500 and the stack carry on.
// Deno's globals as far as this fixture uses them (Node's type checker reads it too).
declare const Deno: {
  serve(handler: (req: Request) => Response | Promise<Response>): unknown;
  env: { get(name: string): string | undefined };
};

Deno.serve((req: Request) => {
  throw new Error(`boom on ${req.method}`);
});
