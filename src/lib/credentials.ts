// The account forms' field schemas (sign-up, sign-in, reset, change password).
import { z } from 'zod/mini';
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
