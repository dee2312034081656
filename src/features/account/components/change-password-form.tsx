import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/errors';
import { PASSWORD_MIN_LENGTH } from '@shared/auth-rules';
import { changePasswordInputSchema, useChangePassword } from '../api/change-password';

type Field = 'password' | 'confirmation';
type FieldErrors = Partial<Record<Field, string>>;

export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = changePasswordInputSchema.safeParse({
      password: String(data.get('password') ?? ''),
      confirmation: String(data.get('confirmation') ?? ''),
    });
    if (!result.success) {
      const next: FieldErrors = {};
      for (const issue of result.error.issues) {
        const field = issue.path[0] as Field;
        next[field] ??= issue.message;
      }
      setErrors(next);
      // Take the keyboard (and the screen reader) to the first field to fix.
      const first = next.password ? 'password' : 'confirmation';
      form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    change.mutate(result.data, { onSuccess: () => form.current?.reset() });
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="flex flex-col gap-4">
      {change.isError ? <Alert tone="error">{describeError(change.error)}</Alert> : null}
      {change.isSuccess ? <Alert tone="success">Your password was changed.</Alert> : null}
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
      <Button type="submit" busy={change.isPending} className="w-full">
        Change password
      </Button>
    </form>
  );
}
