// Sets a new password for the signed-in athlete through Supabase Auth.
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { newPasswordWithConfirmationSchema, setPassword } from '@/lib/new-password';

export const changePasswordInputSchema = newPasswordWithConfirmationSchema;

export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export function useChangePassword() {
  return useMutation({ mutationFn: setPassword });
}
