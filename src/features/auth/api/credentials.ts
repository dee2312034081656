// Field rules shared by the account forms (the local stack and GoTrue both ask for 6 characters).
import { z } from 'zod/mini';

export const MIN_PASSWORD_LENGTH = 6;

export const emailSchema = z.pipe(
  z.string().check(z.trim()),
  z.email('Enter a valid email address, like name@example.com.'),
);

export const newPasswordSchema = z
  .string()
  .check(
    z.minLength(
      MIN_PASSWORD_LENGTH,
      `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`,
    ),
  );
