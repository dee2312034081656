import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { resetFakeDb, sessionRow, setDbHandler, type DbResult } from '../test/fake-db';
import { useDeleteSession } from './delete-session';
import { sessionQueries, type SessionListFilters, type SessionPage } from '@/lib/session-queries';

vi.mock('@/lib/db', async () => ({ db: (await import('../test/fake-db')).fakeDb }));

const A = '10000000-0000-4000-8000-000000000001';
const B = '10000000-0000-4000-8000-000000000002';
const filters: SessionListFilters = { statuses: [], from: null, to: null, page: 1 };
const page: SessionPage = { rows: [sessionRow({ id: A }), sessionRow({ id: B })], total: 2 };

function setup() {
  const queryClient = createQueryClient({ retry: false });
  queryClient.setQueryData(sessionQueries.list(filters).queryKey, page);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useDeleteSession(), { wrapper });
  return { queryClient, hook };
}

const listIds = (queryClient: ReturnType<typeof createQueryClient>) =>
  queryClient
    .getQueryData<SessionPage>(sessionQueries.list(filters).queryKey)
    ?.rows.map((row) => row.id);

beforeEach(() => resetFakeDb());
afterEach(() => vi.restoreAllMocks());

describe('useDeleteSession', () => {
  it('removes the session from the lists at once, before the database answers', async () => {
    let answer: (result: DbResult) => void = () => {};
    setDbHandler(() => new Promise<DbResult>((resolve) => (answer = resolve)));
    const { queryClient, hook } = setup();
    act(() => hook.result.current.mutate(A));
    await waitFor(() => expect(listIds(queryClient)).toEqual([B]));
    expect(
      queryClient.getQueryData<SessionPage>(sessionQueries.list(filters).queryKey)?.total,
    ).toBe(1);
    answer({ data: { id: A } });
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
  });

  it('puts the session back when the database refuses', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    setDbHandler(() => ({
      error: { code: 'P0001', message: 'Cannot delete', hint: 'session_immutable' },
    }));
    const { queryClient, hook } = setup();
    act(() => hook.result.current.mutate(A));
    await waitFor(() => expect(hook.result.current.isError).toBe(true));
    expect(listIds(queryClient)).toEqual([A, B]);
    expect(
      queryClient.getQueryData<SessionPage>(sessionQueries.list(filters).queryKey)?.total,
    ).toBe(2);
  });
});
