// Records the browser-only events (rest-period warnings) through the track-event function.
// Fire and forget: analytics must never block or break training.
import type { TrackEventRequest } from '@shared/api-schemas';
import type { TrackEventResponse } from '@shared/function-responses';
import { invokeFunction } from '@/lib/functions';

export function trackEvent(event: TrackEventRequest): void {
  invokeFunction<TrackEventResponse>('track-event', { body: event }).catch((error: unknown) =>
    console.warn('track-event failed', error),
  );
}
