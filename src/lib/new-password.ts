// Choosing a new password (after a recovery link, or in settings): the form's schema and the
// write. Apart from credentials.ts so the sign-in screen does not load them.
import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { newPasswordSchema } from '@/lib/credentials';

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
