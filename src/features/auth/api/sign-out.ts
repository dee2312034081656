import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auth } from '@/lib/auth-client';
import { forgetSavedApiData } from '@/lib/service-worker-routing';

/** Ends the session on the server and on this device. */
export async function signOut(): Promise<void> {
  const { error } = await auth.signOut();
  if (!error) return;
  // Offline or server trouble: auth-js keeps the session then, but the athlete asked to leave.
  const local = await auth.signOut({ scope: 'local' });
  if (local.error) throw local.error;
}

/** Lets the auth guard take the athlete to sign-in first, so the cleared cache refetches nothing. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Here rather than in mutate(): the header unmounts as soon as the session ends.
    onSuccess: async () => {
      // The guard sends the athlete to the plain sign-in (no way back to this page: whoever signs
      // in next starts on their own dashboard).
      await nextTask();
      // The next athlete on this phone must not see this one's sessions.
      queryClient.clear();
      await forgetSavedApiData();
    },
  });
}
