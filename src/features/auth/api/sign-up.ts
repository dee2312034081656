import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { emailSchema, newPasswordSchema } from '@/lib/credentials';
import { useAction } from '@/lib/use-action';

export const signUpInputSchema = z.object({ email: emailSchema, password: newPasswordSchema });

export type SignUpInput = z.infer<typeof signUpInputSchema>;

/** Creates the account; `signedIn` is false when the server wants the email confirmed first. */
export async function signUp({ email, password }: SignUpInput): Promise<{ signedIn: boolean }> {
  const { data, error } = await auth.signUp({ email, password });
  if (error) throw error;
  return { signedIn: data.session !== null };
}

export function useSignUp() {
  return useAction(signUp);
}
