// POST delete-account {"confirm":"DELETE"}: the server deletes the user and, by cascade, every
// row of theirs; this device then forgets the session and every cached query.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { auth } from '@/lib/auth-client';
import { invokeFunction } from '@/lib/functions';
import { paths } from '@/lib/paths';
import { forgetSavedApiData } from '@/lib/service-worker-routing';

export const CONFIRM_WORD = 'DELETE';

export const deleteAccountInputSchema = z.object({ confirm: z.literal(CONFIRM_WORD) });
export type DeleteAccountInput = z.infer<typeof deleteAccountInputSchema>;

/** What the sign-in screen receives (history state and query) after a deletion. */
export const ACCOUNT_DELETED_NOTICE = 'Your account and all your data were deleted.';
export const accountDeletedState = { notice: ACCOUNT_DELETED_NOTICE, accountDeleted: true };

export async function deleteAccount(input: DeleteAccountInput): Promise<void> {
  await invokeFunction<null>('delete-account', { body: deleteAccountInputSchema.parse(input) });
  // The server session went with the user: only this device's copy is left to drop.
  const { error } = await auth.signOut({ scope: 'local' });
  if (error) throw error;
  await forgetSavedApiData();
}

/** Lets the auth guard react to the signed-out state before our own navigation. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: deleteAccount,
    // In the hook, not in mutate(): the settings screen unmounts as soon as the session ends.
    onSuccess: async () => {
      await nextTask();
      await navigate(`${paths.signIn.getHref()}?deleted=1`, {
        replace: true,
        state: accountDeletedState,
      });
      // Nothing of the deleted athlete may stay on this phone.
      queryClient.clear();
    },
  });
}
