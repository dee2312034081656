import { Button } from '@/components/ui/button';
import { useSignOut } from '../api/sign-out';

/** The header's way out: ends the session, forgets cached data, shows the sign-in screen. */
export function SignOutButton() {
  const signOut = useSignOut();
  return (
    <Button
      variant="secondary"
      className="px-4"
      busy={signOut.isPending}
      onClick={() => signOut.mutate()}
    >
      Sign out
    </Button>
  );
}
