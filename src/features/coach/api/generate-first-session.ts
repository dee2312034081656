// POST generate-session with the athlete's baseline: the coach plans their first session.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { generateSessionRequestSchema } from '@shared/api-schemas';
import type { SessionRow } from '@/lib/db';
import { invokeFunction } from '@/lib/functions';
import { queryRoots } from '@/lib/query-client';

export const firstSessionInputSchema = generateSessionRequestSchema;

export interface FirstSessionInput {
  baseline_max_reps: number;
}

export interface FirstSessionResult {
  session: SessionRow;
  quota: { limit: number; used: number; remaining: number; next_slot_at: string };
}

export async function generateFirstSession(input: FirstSessionInput): Promise<FirstSessionResult> {
  const body = firstSessionInputSchema.parse(input);
  const { data } = await invokeFunction<FirstSessionResult>('generate-session', { body });
  return data;
}

export function useGenerateFirstSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateFirstSession,
    // Even a failed ask uses a slot, so the dashboard's quota must refresh too.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryRoots.sessions }),
        queryClient.invalidateQueries({ queryKey: queryRoots.generations }),
      ]),
  });
}
