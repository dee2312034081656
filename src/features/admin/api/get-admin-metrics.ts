// GET admin-metrics: the product's success metrics with their targets (admins only; 403 else).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { invokeFunction } from '@/lib/functions';
import { adminKeys } from './admin-keys';

export interface MetricTarget {
  target: number;
  value: number | null;
  met: boolean;
}

/** Percentages are 0–100 with one decimal; null where nothing could be counted yet. */
export interface AdminMetrics {
  generated_at: string;
  users: number;
  activation_rate: number | null;
  ai_adoption_rate: number | null;
  ai_success_rate_7d: number | null;
  ai_success_rate_all: number | null;
  ai_generations_7d: number;
  avg_sessions_per_user: number | null;
  sessions_by_status: Record<string, number>;
  events_last_30_days: Record<string, number>;
  new_users_per_week: Array<{ week: string; users: number }>;
  targets: { activation_rate: MetricTarget; ai_adoption_rate: MetricTarget };
}

export async function getAdminMetrics(signal?: AbortSignal): Promise<AdminMetrics> {
  const { data } = await invokeFunction<AdminMetrics>('admin-metrics', {
    method: 'GET',
    ...(signal ? { signal } : {}),
  });
  return data;
}

export const adminMetricsQuery = () =>
  queryOptions({
    queryKey: adminKeys.metrics(),
    queryFn: ({ signal }) => getAdminMetrics(signal),
  });

export const useAdminMetrics = (enabled: boolean) => useQuery({ ...adminMetricsQuery(), enabled });
