import { Link, Navigate, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { useSession } from '@/lib/auth-client';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';
import { signUpInputSchema, useSignUp } from '../api/sign-up';
import { useValidatedForm } from '@/lib/form-validation';
import { EmailField, PasswordField } from '@/components/credential-fields';

export function SignUpRoute() {
  const session = useSession();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const { form, errors, onSubmit } = useValidatedForm(signUpInputSchema, (data) => {
    signUp.mutate(data, {
      onSuccess: ({ signedIn }) => {
        // The first-run question (the athlete's max reps) waits on the welcome screen.
        if (signedIn) void navigate(paths.welcome.getHref(), { replace: true });
      },
    });
  });

  // Signing up signs in too: only a session found on arrival sends the athlete to the dashboard.
  if (session && signUp.isIdle) return <Navigate to={paths.dashboard.getHref()} replace />;

  if (signUp.data && !signUp.data.signedIn) {
    return (
      <section className="flex flex-col gap-6">
        <h1 className="text-3xl font-bold">Check your email</h1>
        <Alert tone="success">
          Check your email to confirm your account, then sign in with your new password.
        </Alert>
        <Link to={paths.signIn.getHref()} className={buttonClasses('primary', 'w-full')}>
          Go to sign in
        </Link>
      </section>
    );
  }

  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Create your account</h1>
      <form ref={form} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {signUp.error ? <Alert tone="error">{describeError(signUp.error)}</Alert> : null}
        <EmailField error={errors.email} />
        <PasswordField isNew error={errors.password} />
        <Button type="submit" busy={signUp.isPending} className="w-full">
          Create account
        </Button>
      </form>
      <div className="flex flex-col gap-3">
        <p className="text-center text-slate-700 dark:text-slate-200">Already have an account?</p>
        <Link to={paths.signIn.getHref()} className={buttonClasses('secondary', 'w-full')}>
          Sign in
        </Link>
      </div>
    </section>
  );
}
