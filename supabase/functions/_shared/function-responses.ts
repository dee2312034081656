// What each Edge Function answers on success, typed once for its handler and for the SPA.
import type { Database } from './database.types.ts';

type SessionRow = Database['public']['Tables']['sessions']['Row'];
type EventRow = Database['public']['Tables']['events']['Row'];

export interface AskQuotaResponse {
  limit: number;
  used: number;
  remaining: number;
  /** When the next ask frees up (ISO 8601); null while none was used in the window. */
  next_slot_at: string | null;
}

/** generate-session, 201. */
export interface GenerateSessionResponse {
  session: SessionRow;
  generation: { id: string; model: string; duration_ms: number };
  bounds: { adjusted: boolean; reasons: string[] };
  quota: AskQuotaResponse;
}

/** track-event, 201. */
export interface TrackEventResponse {
  event: Pick<EventRow, 'id' | 'event_type' | 'event_data' | 'created_at'>;
}

export interface MetricTarget {
  target: number;
  value: number | null;
  met: boolean;
}

/** admin-metrics, 200. Percentages are 0–100 with one decimal; null where nothing counts yet. */
export interface AdminMetricsResponse {
  generated_at: string;
  users: number;
  activation_rate: number | null;
  ai_adoption_rate: number | null;
  ai_success_rate_7d: number | null;
  ai_success_rate_all: number | null;
  ai_generations_7d: number;
  avg_sessions_per_user: number | null;
  sessions_by_status: Record<string, number>;
  events_last_30_days: Record<string, number>;
  new_users_per_week: Array<{ week: string; users: number }>;
  targets: { activation_rate: MetricTarget; ai_adoption_rate: MetricTarget };
}
