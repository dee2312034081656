// Test fixture: refuses a body over 1,000 bytes by its declared length without reading it, as
// the project's functions do, so the stack must deal with the unread rest of the request.
import { json } from '../_shared/reply.ts';

declare const Deno: { serve(handler: (req: Request) => Response): unknown };

Deno.serve((req: Request) => {
  if (Number(req.headers.get('content-length') ?? '0') > 1000) {
    return json(413, { error: { code: 'payload_too_large', message: 'Too large.' } });
  }
  return json(200, { ok: true });
});
