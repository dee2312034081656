import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Spinner } from '@/components/ui/spinner';
import { useSession } from '@/lib/auth-client';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';
import { updatePasswordInputSchema, useUpdatePassword } from '../api/update-password';
import { useValidatedForm } from '@/lib/form-validation';
import { NewPasswordFields } from '@/components/credential-fields';

/** Where the recovery link lands: auth-js reads the session from the URL, then a new password is set. */
export function UpdatePasswordRoute() {
  const session = useSession();
  const navigate = useNavigate();
  const updatePassword = useUpdatePassword();
  const { form, errors, onSubmit } = useValidatedForm(updatePasswordInputSchema, (data) => {
    updatePassword.mutate(data, {
      onSuccess: () => navigate(paths.dashboard.getHref(), { replace: true }),
    });
  });

  if (session === undefined) return <Spinner label="Checking your link…" />;

  if (session === null) {
    return (
      <section className="flex flex-col gap-6">
        <h1 className="text-3xl font-bold">Link invalid or expired</h1>
        <Alert tone="error">
          This password reset link is invalid or has expired. Ask for a new one.
        </Alert>
        <Link to={paths.forgotPassword.getHref()} className={buttonClasses('primary', 'w-full')}>
          Ask for a new link
        </Link>
      </section>
    );
  }

  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Choose a new password</h1>
      <form ref={form} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {updatePassword.error ? (
          <Alert tone="error">{describeError(updatePassword.error)}</Alert>
        ) : null}
        {/* Lets password managers file the new password under the right account. */}
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={session.user.email ?? ''}
          readOnly
          hidden
        />
        <NewPasswordFields errors={errors} />
        <Button type="submit" busy={updatePassword.isPending} className="w-full">
          Save new password
        </Button>
      </form>
    </section>
  );
}
