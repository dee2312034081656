import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { emailSchema } from '@/lib/credentials';
import { useAction } from '@/lib/use-action';

export const signInInputSchema = z.object({
  email: emailSchema,
  // Only presence: the server judges the password, and its answer names no rule.
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});

export type SignInInput = z.infer<typeof signInInputSchema>;

export async function signIn({ email, password }: SignInInput): Promise<void> {
  const { error } = await auth.signInWithPassword({ email, password });
  if (error) throw error;
}

export function useSignIn() {
  return useAction(signIn);
}
