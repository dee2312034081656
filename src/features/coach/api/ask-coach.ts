// POST generate-session: the coach plans the next session, from the history or, on the first
// run, from the athlete's best set (baseline_max_reps).
import { useMutation, useQueryClient, type MutateOptions } from '@tanstack/react-query';
import { useRef } from 'react';
import { generateSessionRequestSchema, type GenerateSessionRequest } from '@shared/api-schemas';
import type { GenerateSessionResponse } from '@shared/function-responses';
import { invokeFunction } from '@/lib/functions';
import { queryRoots } from '@/lib/query-client';

export async function askCoach(
  input: GenerateSessionRequest = {},
): Promise<GenerateSessionResponse> {
  const body = generateSessionRequestSchema.parse(input);
  const { data } = await invokeFunction<GenerateSessionResponse>('generate-session', { body });
  return data;
}

export function useAskCoach(
  options: { onPlanned?: (response: GenerateSessionResponse) => void } = {},
) {
  const queryClient = useQueryClient();
  const { onPlanned } = options;
  // One tap, one ask: a second tap before the busy state renders would spend a second ask
  // (and come back as a 409 about a session the athlete never planned).
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: (input: GenerateSessionRequest = {}) => askCoach(input),
    // Lets the screen show the new plan at once; the refetch below confirms it.
    onSuccess: onPlanned,
    // A failed ask still counts (and a 409 means the sessions changed): refresh both either way.
    onSettled: () => {
      inFlight.current = false;
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryRoots.sessions }),
        queryClient.invalidateQueries({ queryKey: queryRoots.generations }),
      ]);
    },
  });
  const mutate = (
    input: GenerateSessionRequest = {},
    callbacks: MutateOptions<GenerateSessionResponse, Error, GenerateSessionRequest> = {},
  ) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(input, callbacks);
  };
  return { ...mutation, mutate };
}
