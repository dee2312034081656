import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { useSession } from '@/lib/auth-client';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';
import { signInInputSchema, useSignIn } from '../api/sign-in';
import { redirectTarget } from '../lib/redirect-target';
import { useValidatedForm } from '@/lib/form-validation';
import { EmailField, PasswordField } from '@/components/credential-fields';

export function SignInRoute() {
  const session = useSession();
  const [searchParams] = useSearchParams();
  const target = redirectTarget(searchParams.get('redirectTo'));
  // Settings sends the athlete here after deleting their account.
  const accountDeleted = searchParams.get('deleted') === '1';
  const navigate = useNavigate();
  const signIn = useSignIn();
  const { form, errors, onSubmit } = useValidatedForm(signInInputSchema, (data) => {
    signIn.mutate(data, { onSuccess: () => navigate(target, { replace: true }) });
  });

  // Already signed in (e.g. a bookmarked sign-in page); while our own request runs, onSuccess navigates.
  if (session && signIn.isIdle) return <Navigate to={target} replace />;

  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Sign in</h1>
      {accountDeleted ? (
        <Alert tone="success">Your account and all your data were deleted.</Alert>
      ) : null}
      <form ref={form} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {signIn.error ? <Alert tone="error">{describeError(signIn.error)}</Alert> : null}
        <EmailField error={errors.email} />
        <PasswordField isNew={false} error={errors.password} />
        <Button type="submit" busy={signIn.isPending} className="w-full">
          Sign in
        </Button>
      </form>
      <div className="flex flex-col gap-3">
        <Link to={paths.forgotPassword.getHref()} className={buttonClasses('ghost', 'self-center')}>
          Forgot your password?
        </Link>
        <p className="text-center text-slate-700 dark:text-slate-200">New here?</p>
        <Link to={paths.signUp.getHref()} className={buttonClasses('secondary', 'w-full')}>
          Create an account
        </Link>
      </div>
    </section>
  );
}
