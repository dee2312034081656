import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { newPasswordSchema } from '@/lib/credentials';
import { useAction } from '@/lib/use-action';

export const updatePasswordInputSchema = z
  .object({ password: newPasswordSchema, confirmation: z.string() })
  .check(
    z.refine((input) => input.password === input.confirmation, {
      message: 'The two passwords do not match.',
      path: ['confirmation'],
    }),
  );

export type UpdatePasswordInput = z.infer<typeof updatePasswordInputSchema>;

/** Sets a new password for the signed-in athlete (after a recovery link, that is its session). */
export async function updatePassword({ password }: UpdatePasswordInput): Promise<void> {
  const { error } = await auth.updateUser({ password });
  if (error) throw error;
}

export function useUpdatePassword() {
  return useAction(updatePassword);
}
