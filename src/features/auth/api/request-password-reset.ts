import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { paths } from '@/lib/paths';
import { emailSchema } from '@/lib/credentials';
import { useAction } from '@/lib/use-action';

export const requestPasswordResetInputSchema = z.object({ email: emailSchema });

export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInputSchema>;

/** Asks for the recovery email; the link comes back to the update-password screen. */
export async function requestPasswordReset({ email }: RequestPasswordResetInput): Promise<void> {
  const { error } = await auth.resetPasswordForEmail(email, {
    redirectTo: `${window.location.origin}${paths.updatePassword.path}`,
  });
  // An unknown address must look like a known one (no account enumeration).
  if (error && error.code !== 'user_not_found') throw error;
}

export function useRequestPasswordReset() {
  return useAction(requestPasswordReset);
}
