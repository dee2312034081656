// Sets a new password for the signed-in athlete through Supabase Auth.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { newPasswordSchema } from '@/lib/credentials';

export const changePasswordInputSchema = z
  .object({
    password: newPasswordSchema,
    confirmation: z.string(),
  })
  .check(
    z.refine((input) => input.password === input.confirmation, {
      message: 'The two passwords do not match.',
      path: ['confirmation'],
    }),
  );

export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export async function changePassword({ password }: ChangePasswordInput): Promise<void> {
  const { error } = await auth.updateUser({ password });
  if (error) throw error;
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
