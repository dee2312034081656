import { QueryClientProvider } from '@tanstack/react-query';
import { RequireAuth } from '@/app/require-auth';
import { appQueryClient } from '@/lib/query-client';

/**
 * Everything behind sign-in. Lazy, with TanStack Query inside it, so the sign-in screen
 * loads neither (its JavaScript budget is 125 KB gz).
 */
export function SignedInRoot() {
  return (
    <QueryClientProvider client={appQueryClient()}>
      <RequireAuth />
    </QueryClientProvider>
  );
}
