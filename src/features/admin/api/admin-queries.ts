// GET admin-metrics: the product's success metrics with their targets (admins only; 403 else).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminMetricsResponse } from '@shared/function-responses';
import { invokeFunction } from '@/lib/functions';
import { queryRoots } from '@/lib/query-client';

export type {
  AdminMetricsResponse as AdminMetrics,
  MetricTarget,
} from '@shared/function-responses';

export async function getAdminMetrics(signal?: AbortSignal): Promise<AdminMetricsResponse> {
  const { data } = await invokeFunction<AdminMetricsResponse>('admin-metrics', {
    method: 'GET',
    ...(signal ? { signal } : {}),
  });
  return data;
}

export const adminQueries = {
  // Under the sessions root: any session change refreshes the metrics.
  metrics: () =>
    queryOptions({
      queryKey: [...queryRoots.sessions, 'admin-metrics'] as const,
      queryFn: ({ signal }) => getAdminMetrics(signal),
    }),
};

export const useAdminMetrics = (enabled: boolean) =>
  useQuery({ ...adminQueries.metrics(), enabled });
