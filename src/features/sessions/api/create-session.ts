import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { db, type SessionRow } from '@/lib/db';
import { queryRoots } from '@/lib/query-client';
import { sessionQueries } from '@/lib/session-queries';
import { rpeSchema, sessionDateTimeSchema, storedSetSchema } from '@shared/column-rules';

/** What the form sends: sets already as stored (1..60 or null), rules checked by the form. */
export const createSessionInputSchema = z.object({
  session_date: sessionDateTimeSchema,
  status: z.enum(['planned', 'completed', 'failed']),
  set_1: storedSetSchema,
  set_2: storedSetSchema,
  set_3: storedSetSchema,
  set_4: storedSetSchema,
  set_5: storedSetSchema,
  rpe: z.nullable(rpeSchema),
});

export type CreateSessionInput = z.infer<typeof createSessionInputSchema>;

export async function createSession(input: CreateSessionInput): Promise<SessionRow> {
  const values = createSessionInputSchema.parse(input);
  const { data: auth_, error: authError } = await auth.getSession();
  if (authError) throw authError;
  const userId = auth_.session?.user.id;
  if (!userId) throw Object.assign(new Error('Not signed in'), { code: 'PGRST301' });
  const { data, error } = await db
    .from('sessions')
    .insert({ ...values, user_id: userId })
    .select('*')
    .single();
  if (error) throw error;
  return data;
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueries.detail(session.id).queryKey, session);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryRoots.sessions }),
  });
}
