// POST /functions/v1/track-event {event_type, event_data}: records one of the events only
// the browser knows about (the rest-period warnings). Lifecycle events come from triggers.
import { TRACK_EVENT_MAX_BYTES, trackEventRequestSchema } from '../_shared/api-schemas.ts';
import {
  depsFromEnv,
  requireCaller,
  unwrap,
  type FunctionDeps,
} from '../_shared/server/function-deps.ts';
import { json, readJsonBody, requireMethod, serveJson, validate } from '../_shared/server/http.ts';
import type { TrackEventResponse } from '../_shared/function-responses.ts';

export function trackEvent(req: Request, deps: FunctionDeps): Promise<Response> {
  return serveJson(req, deps, async () => {
    requireMethod(req, 'POST');
    const caller = await requireCaller(req, deps);
    const body = validate(trackEventRequestSchema, await readJsonBody(req, TRACK_EVENT_MAX_BYTES));
    const event = unwrap(
      await deps.admin
        .from('events')
        .insert({ user_id: caller.id, event_type: body.event_type, event_data: body.event_data })
        .select('id, event_type, event_data, created_at')
        .single(),
    );
    // unwrap threw on an error, so single() returned the row.
    return json(201, { event: event! } satisfies TrackEventResponse);
  });
}

export const handler = (req: Request) =>
  trackEvent(
    req,
    depsFromEnv(() => Deno.env.toObject()),
  );
