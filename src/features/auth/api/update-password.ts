import type { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { newPasswordWithConfirmationSchema } from '@/lib/credentials';
import { useAction } from '@/lib/use-action';

export const updatePasswordInputSchema = newPasswordWithConfirmationSchema;

export type UpdatePasswordInput = z.infer<typeof updatePasswordInputSchema>;

/** Sets a new password for the signed-in athlete (after a recovery link, that is its session). */
export async function updatePassword({ password }: UpdatePasswordInput): Promise<void> {
  const { error } = await auth.updateUser({ password });
  if (error) throw error;
}

export function useUpdatePassword() {
  return useAction(updatePassword);
}
