import { act, renderHook, waitFor } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { useAction } from '@/lib/use-action';

test('tracks pending, then the result, and calls onSuccess', async () => {
  let finish: (value: string) => void = () => {};
  const action = vi.fn(
    (name: string) => new Promise<string>((resolve) => (finish = (v) => resolve(`${v} ${name}`))),
  );
  const onSuccess = vi.fn();
  const { result } = renderHook(() => useAction(action));
  act(() => result.current.mutate('Ada', { onSuccess }));
  expect(result.current.isPending).toBe(true);
  await act(async () => finish('hello'));
  expect(result.current).toMatchObject({
    isPending: false,
    isSuccess: true,
    data: 'hello Ada',
    error: null,
  });
  expect(onSuccess).toHaveBeenCalledWith('hello Ada');
});

test('keeps the error and skips onSuccess', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const failure = new Error('nope');
  const onSuccess = vi.fn();
  const { result } = renderHook(() => useAction(() => Promise.reject(failure)));
  act(() => result.current.mutate(undefined, { onSuccess }));
  await waitFor(() => expect(result.current.error).toBe(failure));
  expect(result.current.isPending).toBe(false);
  expect(onSuccess).not.toHaveBeenCalled();
});
