// Test fixture: boots fine beside a broken function, which must still fail the stack's health.
declare const Deno: { serve(handler: (req: Request) => Response): unknown };

Deno.serve(() => new Response('fine'));
