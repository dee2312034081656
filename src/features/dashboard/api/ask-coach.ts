// POST generate-session with no baseline: the coach plans the next session from the history.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { generateSessionRequestSchema, type GenerateSessionRequest } from '@shared/api-schemas';
import { invokeFunction } from '@/lib/functions';
import { queryRoots } from '@/lib/query-client';
import { dashboardKeys } from './dashboard-keys';
import type { DashboardSession, DashboardSessions } from './get-dashboard-sessions';

export const askCoachInputSchema = generateSessionRequestSchema;

export interface AskCoachResult {
  session: DashboardSession;
  quota: { limit: number; used: number; remaining: number; next_slot_at: string };
}

export async function askCoach(input: GenerateSessionRequest = {}): Promise<AskCoachResult> {
  const body = askCoachInputSchema.parse(input);
  const { data } = await invokeFunction<AskCoachResult>('generate-session', { body });
  return data;
}

export function useAskCoach() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => askCoach(),
    onSuccess: ({ session }) => {
      // Show the new plan at once; the refetch below confirms it.
      queryClient.setQueryData<DashboardSessions>(dashboardKeys.sessions(), (old) =>
        old ? { ...old, active: session, hasAny: true } : old,
      );
    },
    // A failed ask still counts (and a 409 means the sessions changed): refresh both either way.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryRoots.sessions }),
        queryClient.invalidateQueries({ queryKey: queryRoots.generations }),
      ]),
  });
}
