import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { db } from '@/lib/db';
import { queryRoots } from '@/lib/query-client';
import { sessionQueries, type SessionPage } from '@/lib/session-queries';

export const deleteSessionInputSchema = z.object({ id: z.uuid() });

export async function deleteSession(id: string): Promise<void> {
  deleteSessionInputSchema.parse({ id });
  // Asking for the deleted row tells "deleted" apart from "nothing matched" (RLS, gone).
  const { error } = await db.from('sessions').delete().eq('id', id).select('id').single();
  if (error) throw error;
}

function isDetailOf(queryKey: QueryKey, id: string): boolean {
  const detail = sessionQueries.detail(id).queryKey;
  return detail.every((part, index) => queryKey[index] === part);
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    // Gone from every list at once; the snapshots put it back if the database refuses.
    onMutate: async (id: string) => {
      await queryClient.cancelQueries({ queryKey: sessionQueries.lists() });
      const snapshots = queryClient.getQueriesData<SessionPage>({
        queryKey: sessionQueries.lists(),
      });
      queryClient.setQueriesData<SessionPage>({ queryKey: sessionQueries.lists() }, (page) => {
        if (!page || !page.rows.some((row) => row.id === id)) return page;
        return {
          rows: page.rows.filter((row) => row.id !== id),
          total: page.total === null ? null : page.total - 1,
        };
      });
      return { snapshots };
    },
    onError: (_error, _id, context) => {
      for (const [key, data] of context?.snapshots ?? []) queryClient.setQueryData(key, data);
    },
    // The deleted session's own detail is only marked stale: refetching it while its screen
    // is still mounted would just answer "not found"; a later visit refetches it.
    // Not awaited: going back to the dashboard should not wait for the refetches.
    onSettled: (_data, _error, id) => {
      void queryClient.invalidateQueries({
        queryKey: sessionQueries.detail(id).queryKey,
        refetchType: 'none',
      });
      void queryClient.invalidateQueries({
        queryKey: queryRoots.sessions,
        predicate: (query) => !isDetailOf(query.queryKey, id),
      });
    },
  });
}
