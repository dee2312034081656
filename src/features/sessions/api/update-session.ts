import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { db, type SessionRow } from '@/lib/db';
import { queryRoots } from '@/lib/query-client';
import { MAX_REPS_PER_SET } from '@shared/session-rules';
import { sessionQueries } from './session-queries';

const storedSet = z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_REPS_PER_SET)));

/** The fields the athlete may change; the AI fields are the coach's (the DB refuses them). */
export const updateSessionInputSchema = z.object({
  id: z.uuid(),
  patch: z.object({
    session_date: z.optional(z.iso.datetime({ offset: true })),
    status: z.enum(['planned', 'in_progress', 'completed', 'failed']),
    set_1: storedSet,
    set_2: storedSet,
    set_3: storedSet,
    set_4: storedSet,
    set_5: storedSet,
    rpe: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(10))),
  }),
});

export type UpdateSessionInput = z.infer<typeof updateSessionInputSchema>;

export async function updateSession(input: UpdateSessionInput): Promise<SessionRow> {
  const { id, patch } = updateSessionInputSchema.parse(input);
  const { data, error } = await db.from('sessions').update(patch).eq('id', id).select('*').single();
  if (error) throw error;
  return data;
}

export function useUpdateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    // The stored row comes back with is_modified set by the database: show it at once.
    onSuccess: (session) => queryClient.setQueryData(sessionQueries.detail(session.id), session),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryRoots.sessions }),
  });
}
