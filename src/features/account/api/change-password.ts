// Sets a new password for the signed-in athlete through Supabase Auth.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';

export const MIN_PASSWORD_LENGTH = 6;

export const changePasswordInputSchema = z
  .object({
    password: z
      .string()
      .check(
        z.minLength(
          MIN_PASSWORD_LENGTH,
          `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`,
        ),
      ),
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
