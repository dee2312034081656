// Query keys of the workout screen, under queryRoots.sessions so every session view refreshes together.
import { queryRoots } from '@/lib/query-client';

export const workoutKeys = {
  all: () => queryRoots.sessions,
  session: (id: string) => [...queryRoots.sessions, 'workout', id] as const,
  recentFinished: () => [...queryRoots.sessions, 'workout', 'recent-finished'] as const,
  allFinished: () => [...queryRoots.sessions, 'workout', 'all-finished'] as const,
};
