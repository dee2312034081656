// Saves the workout's pending changes (start, each set, the finish) as one PATCH.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { db, type SessionRow } from '@/lib/db';
import { queryRoots } from '@/lib/query-client';
import { MAX_REPS_PER_SET } from '@shared/session-rules';
import { workoutKeys } from './workout-keys';

const storedSet = z.optional(
  z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_REPS_PER_SET))),
);

/** Only what a workout writes; every field optional because changes are merged while offline. */
export const workoutPatchSchema = z.object({
  status: z.optional(z.enum(['in_progress', 'completed', 'failed'])),
  session_date: z.optional(z.iso.datetime({ offset: true })),
  set_1: storedSet,
  set_2: storedSet,
  set_3: storedSet,
  set_4: storedSet,
  set_5: storedSet,
  rpe: z.optional(z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(10)))),
});

export type WorkoutPatch = z.infer<typeof workoutPatchSchema>;

export const updateWorkoutSessionInputSchema = z.object({
  id: z.string(),
  patch: workoutPatchSchema,
});

export type UpdateWorkoutSessionInput = z.infer<typeof updateWorkoutSessionInputSchema>;

export async function updateWorkoutSession(input: UpdateWorkoutSessionInput): Promise<SessionRow> {
  const { id, patch } = updateWorkoutSessionInputSchema.parse(input);
  const { data, error } = await db.from('sessions').update(patch).eq('id', id).select('*').single();
  if (error) throw error;
  return data;
}

export function useUpdateWorkoutSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorkoutSession,
    onSuccess: (session) => {
      queryClient.setQueryData(workoutKeys.session(session.id), session);
      // Not awaited: the workout goes on while the dashboard and history refresh.
      void queryClient.invalidateQueries({ queryKey: queryRoots.sessions });
    },
  });
}
