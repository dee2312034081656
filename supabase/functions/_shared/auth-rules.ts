// Account field rules for the SPA's forms. GoTrue's default minimum password length is 6
// (GOTRUE_PASSWORD_MIN_LENGTH), and the local stack asks for the same.
import { z } from 'zod/mini';

export const PASSWORD_MIN_LENGTH = 6;

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
