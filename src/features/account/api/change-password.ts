// Sets a new password for the signed-in athlete through Supabase Auth.
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { newPasswordWithConfirmationSchema } from '@/lib/credentials';

export const changePasswordInputSchema = newPasswordWithConfirmationSchema;

export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export async function changePassword({ password }: ChangePasswordInput): Promise<void> {
  const { error } = await auth.updateUser({ password });
  if (error) throw error;
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
