// One QueryClient policy: errors are logged once here; screens show describeError's sentence.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => console.error(error) }),
    mutationCache: new MutationCache({ onError: (error) => console.error(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: options.retry === false ? false : 2,
        refetchOnWindowFocus: true,
        // Offline, try anyway: the service worker answers with the last saved data.
        networkMode: 'offlineFirst',
      },
      // Offline, a paused mutation would spin for ever: fail and say so instead.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** Roots shared by every feature's query keys, so one invalidation refreshes all views of it. */
export const queryRoots = {
  sessions: ['sessions'] as const,
  generations: ['generations'] as const,
};

let appClient: QueryClient | undefined;
/** The app's one QueryClient, created when the signed-in shell first loads. */
export function appQueryClient(): QueryClient {
  appClient ??= createQueryClient();
  return appClient;
}
