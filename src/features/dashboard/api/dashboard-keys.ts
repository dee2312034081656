// The dashboard's query keys, under the shared roots so other features' mutations refresh it.
import { queryRoots } from '@/lib/query-client';

export const dashboardKeys = {
  sessions: () => [...queryRoots.sessions, 'dashboard'] as const,
  recentGenerations: () => [...queryRoots.generations, 'last-24h'] as const,
};
