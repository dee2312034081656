// The account forms' field schemas (sign-up, sign-in, reset, change password), and the one
// write of a new password.
import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { PASSWORD_MIN_LENGTH } from '@shared/auth-rules';

export const emailSchema = z.pipe(
  z.string().check(z.trim()),
  z.email('Enter a valid email address, like name@example.com.'),
);

export const newPasswordSchema = z
  .string()
  .check(
    z.minLength(
      PASSWORD_MIN_LENGTH,
      `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`,
    ),
  );

/** A new password typed twice. */
export const newPasswordWithConfirmationSchema = z
  .object({ password: newPasswordSchema, confirmation: z.string() })
  .check(
    z.refine((input) => input.password === input.confirmation, {
      message: 'The two passwords do not match.',
      path: ['confirmation'],
    }),
  );

/** Sets a new password for the signed-in athlete (after a recovery link, that is its session). */
export async function setPassword({ password }: { password: string }): Promise<void> {
  const { error } = await auth.updateUser({ password });
  if (error) throw error;
}
