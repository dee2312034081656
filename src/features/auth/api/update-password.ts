import type { z } from 'zod/mini';
import { newPasswordWithConfirmationSchema, setPassword } from '@/lib/new-password';
import { useAction } from '@/lib/use-action';

export const updatePasswordInputSchema = newPasswordWithConfirmationSchema;

export type UpdatePasswordInput = z.infer<typeof updatePasswordInputSchema>;

export function useUpdatePassword() {
  return useAction(setPassword);
}
