// supabase-js for Node 20 scripts and tests: it builds its realtime client eagerly, and
// Node 20 has no global WebSocket. Nothing here uses realtime, so a stand-in that is never
// opened takes its place.
import {
  createClient,
  type SupabaseClient,
  type SupabaseClientOptions,
} from '@supabase/supabase-js';

class NoWebSocket {
  constructor() {
    throw new Error('Realtime is not available in Node 20 scripts and tests');
  }
}

export function createNodeClient(
  url: string,
  key: string,
  options: SupabaseClientOptions<'public'> = {},
): SupabaseClient {
  return createClient(url, key, {
    ...options,
    auth: { persistSession: false, autoRefreshToken: false, ...options.auth },
    realtime: { ...options.realtime, transport: NoWebSocket as unknown as typeof WebSocket },
  });
}
