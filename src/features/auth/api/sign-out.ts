import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { auth } from '@/lib/auth-client';
import { paths } from '@/lib/paths';
import { forgetSavedApiData } from '@/lib/service-worker-routing';

/** Ends the session on the server and on this device. */
export async function signOut(): Promise<void> {
  const { error } = await auth.signOut();
  if (!error) return;
  // Offline or server trouble: auth-js keeps the session then, but the athlete asked to leave.
  const local = await auth.signOut({ scope: 'local' });
  if (local.error) throw local.error;
}

/** Lets React render the signed-out state (and the auth guard start its redirect) first. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    // Here rather than in mutate(): the header unmounts as soon as the session ends.
    onSuccess: async () => {
      // The guard sends the athlete to sign-in with a way back to this page; replace that with the
      // plain sign-in, so whoever signs in next starts on their own dashboard.
      await nextTask();
      await navigate(paths.signIn.getHref(), { replace: true });
      // The next athlete on this phone must not see this one's sessions.
      queryClient.clear();
      await forgetSavedApiData();
    },
  });
}
