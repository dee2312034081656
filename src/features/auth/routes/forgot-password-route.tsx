import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';
import {
  requestPasswordResetInputSchema,
  useRequestPasswordReset,
} from '../api/request-password-reset';
import { useValidatedForm } from '@/lib/form-validation';
import { EmailField } from '@/components/credential-fields';

export function ForgotPasswordRoute() {
  const requestReset = useRequestPasswordReset();
  const { form, errors, onSubmit } = useValidatedForm(requestPasswordResetInputSchema, (data) => {
    requestReset.mutate(data);
  });

  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Reset your password</h1>
      {requestReset.isSuccess ? (
        // The same answer for every address, so the screen never tells who has an account.
        <Alert tone="success">
          If an account exists for this email, we sent a link. Open it on this device to choose a
          new password.
        </Alert>
      ) : (
        <form ref={form} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          <p className="text-slate-700 dark:text-slate-200">
            Enter the email you signed up with and we will send you a link to choose a new password.
          </p>
          {requestReset.error ? (
            <Alert tone="error">{describeError(requestReset.error)}</Alert>
          ) : null}
          <EmailField error={errors.email} />
          <Button type="submit" busy={requestReset.isPending} className="w-full">
            Send reset link
          </Button>
        </form>
      )}
      <Link to={paths.signIn.getHref()} className={buttonClasses('secondary', 'w-full')}>
        Back to sign in
      </Link>
    </section>
  );
}
