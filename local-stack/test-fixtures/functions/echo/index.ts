// Test fixture: answers with everything it was given, so tests can see the pass-through.
import { json } from '../_shared/reply.ts';

// Deno's globals as far as this fixture uses them (Node's type checker reads it too).
declare const Deno: {
  serve(handler: (req: Request) => Response | Promise<Response>): unknown;
  env: { get(name: string): string | undefined };
};

Deno.serve(async (req: Request) => {
  if (req.method === 'OPTIONS') {
    return new Response('ok', {
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type',
      },
    });
  }
  const url = new URL(req.url);
  return json(200, {
    method: req.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: Object.fromEntries(req.headers),
    body: await req.text(),
    env: {
      SUPABASE_URL: Deno.env.get('SUPABASE_URL'),
      SUPABASE_ANON_KEY: Deno.env.get('SUPABASE_ANON_KEY'),
      SUPABASE_SERVICE_ROLE_KEY: Deno.env.get('SUPABASE_SERVICE_ROLE_KEY'),
      SUPABASE_DB_URL: Deno.env.get('SUPABASE_DB_URL'),
      AI_MODEL: Deno.env.get('AI_MODEL'),
      HOME_VISIBLE: Deno.env.get('LOCAL_STACK_SECRET_PROBE') !== undefined,
    },
  });
});
