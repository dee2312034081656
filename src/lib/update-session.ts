// The one write of a session's athlete-editable columns: the edit form and the workout.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { db, type SessionRow } from '@/lib/db';
import { queryRoots } from '@/lib/query-client';
import { sessionQueries } from '@/lib/session-queries';
import { sessionPatchSchema } from '@shared/column-rules';

export const updateSessionInputSchema = z.object({
  id: z.string().check(z.minLength(1)),
  patch: sessionPatchSchema,
});

export type UpdateSessionInput = z.infer<typeof updateSessionInputSchema>;

export async function updateSession(input: UpdateSessionInput): Promise<SessionRow> {
  const { id, patch } = updateSessionInputSchema.parse(input);
  const { data, error } = await db.from('sessions').update(patch).eq('id', id).select('*').single();
  if (error) throw error;
  return data;
}

/**
 * `awaitRefresh`: the save settles only once every view of the sessions is fresh (a form that
 * moves on to them); without it the refresh runs behind (a workout that goes on at once).
 */
export function useUpdateSession({ awaitRefresh = false } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    // The stored row comes back with is_modified set by the database: show it at once.
    onSuccess: (session) =>
      queryClient.setQueryData(sessionQueries.detail(session.id).queryKey, session),
    onSettled: () => {
      const refresh = queryClient.invalidateQueries({ queryKey: queryRoots.sessions });
      return awaitRefresh ? refresh : undefined;
    },
  });
}
