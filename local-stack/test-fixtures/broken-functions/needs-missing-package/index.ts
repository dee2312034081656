// Test fixture: a function whose npm package is not installed, so it cannot boot without a
// download, the way a function fails when its import map names a version npm ci did not install.
// @ts-expect-error -- deliberately absent from node_modules
import leftPad from 'npm:left-pad@1.3.0';

declare const Deno: { serve(handler: (req: Request) => Response): unknown };

Deno.serve(() => new Response(String(leftPad('x', 3))));
