import { Navigate, Outlet, useLocation } from 'react-router';
import { Spinner } from '@/components/ui/spinner';
import { justSignedOut, useSession } from '@/lib/auth-client';
import { paths } from '@/lib/paths';

/** Signed-in routes: wait for the stored session, send strangers to sign in and back. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session === undefined) return <Spinner label="Signing you in…" delayed />;
  if (session === null) {
    // After a sign-out, the next athlete on this phone starts on their own dashboard.
    const back = justSignedOut() ? undefined : location.pathname + location.search;
    return <Navigate to={paths.signIn.getHref(back)} replace />;
  }
  return <Outlet />;
}
