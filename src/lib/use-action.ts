// A one-shot async action with pending / error / result state, for the signed-out screens.
// They load before TanStack Query (which lives in the signed-in shell, to keep the first
// route under its JavaScript budget), and an auth call has no cache to manage anyway.
import { useCallback, useEffect, useRef, useState } from 'react';

type ActionState<T> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: unknown };

export function useAction<TInput, TResult>(action: (input: TInput) => Promise<TResult>) {
  const [state, setState] = useState<ActionState<TResult>>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const mutate = useCallback(
    (input: TInput, options: { onSuccess?: (data: TResult) => void } = {}) => {
      setState({ status: 'pending' });
      action(input).then(
        (data) => {
          if (mounted.current) setState({ status: 'success', data });
          options.onSuccess?.(data);
        },
        (error: unknown) => {
          console.error(error);
          if (mounted.current) setState({ status: 'error', error });
        },
      );
    },
    [action],
  );

  return {
    mutate,
    isIdle: state.status === 'idle',
    isPending: state.status === 'pending',
    isSuccess: state.status === 'success',
    data: state.status === 'success' ? state.data : undefined,
    error: state.status === 'error' ? state.error : null,
  };
}
