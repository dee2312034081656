// The account forms' fields, alike on every screen that asks for them.
import { TextField } from '@/components/ui/text-field';
import { PASSWORD_MIN_LENGTH } from '@shared/auth-rules';

export function EmailField({ error }: { error: string | undefined }) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      inputMode="email"
      autoComplete="email"
      autoCapitalize="none"
      spellCheck={false}
      error={error}
    />
  );
}

/** The password field: the current one to sign in, or a new one with its rule. */
export function PasswordField({ isNew, error }: { isNew: boolean; error: string | undefined }) {
  return (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete={isNew ? 'new-password' : 'current-password'}
      {...(isNew ? { description: `At least ${PASSWORD_MIN_LENGTH} characters.` } : {})}
      error={error}
    />
  );
}

/** A new password typed twice (names `password` and `confirmation`). */
export function NewPasswordFields({
  errors,
}: {
  errors: { password?: string | undefined; confirmation?: string | undefined };
}) {
  return (
    <>
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.password}
      />
      <TextField
        label="Repeat the new password"
        name="confirmation"
        type="password"
        autoComplete="new-password"
        error={errors.confirmation}
      />
    </>
  );
}
