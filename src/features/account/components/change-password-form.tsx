import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/errors';
import { changePasswordInputSchema, useChangePassword } from '../api/change-password';
import { useValidatedForm } from '@/lib/form-validation';
import { NewPasswordFields } from '@/components/credential-fields';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const { form, errors, onSubmit } = useValidatedForm(
    changePasswordInputSchema,
    (data, element) => {
      change.mutate(data, { onSuccess: () => element.reset() });
    },
  );

  return (
    <form ref={form} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {change.isError ? <Alert tone="error">{describeError(change.error)}</Alert> : null}
      {change.isSuccess ? <Alert tone="success">Your password was changed.</Alert> : null}
      <NewPasswordFields errors={errors} />
      <Button type="submit" busy={change.isPending} className="w-full">
        Change password
      </Button>
    </form>
  );
}
