import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/errors';
import { changePasswordInputSchema, useChangePassword } from '../api/change-password';
import {
  formValues,
  useFocusFirstError,
  validateForm,
  type FieldErrors,
} from '@/lib/form-validation';
import { NewPasswordFields } from '@/components/credential-fields';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstError(form, errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateForm(changePasswordInputSchema, formValues(event.currentTarget));
    if (!result.success) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    change.mutate(result.data, { onSuccess: () => form.current?.reset() });
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="flex flex-col gap-4">
      {change.isError ? <Alert tone="error">{describeError(change.error)}</Alert> : null}
      {change.isSuccess ? <Alert tone="success">Your password was changed.</Alert> : null}
      <NewPasswordFields errors={errors} />
      <Button type="submit" busy={change.isPending} className="w-full">
        Change password
      </Button>
    </form>
  );
}
