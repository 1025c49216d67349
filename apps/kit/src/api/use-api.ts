/** Fetches API data after mount, so the first render always matches the data-less shell. */
import { startTransition, useCallback, useContext, useEffect, useState } from 'react';
import { apiRequest } from './api-client';
import type { ApiError } from './api-error';
import { ApiDataContext } from './api-data-context';
import { preloadFirstImages } from './image-preload';

export type ApiState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError };

/** GETs `/api/<path>` whenever `path` changes; `null` skips the request. */
export function useApi<T>(path: string | null): ApiState<T> & { reload(): void } {
  const known = useContext(ApiDataContext);
  const [state, setState] = useState<ApiState<T>>(() =>
    path !== null && known?.has(path) ? { status: 'ready', data: known.get(path) as T, error: null } : { status: 'loading', data: null, error: null },
  );
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((previous) => (previous.status === 'loading' ? previous : { status: 'loading', data: null, error: null }));
    // A transition: rendering a page full of results yields to input instead of blocking the thread.
    apiRequest<T>(path, { signal: controller.signal }).then(
      (data) => {
        // Before the (transition) render: the first pictures' requests start while React works.
        preloadFirstImages(data);
        startTransition(() => setState({ status: 'ready', data, error: null }));
      },
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') startTransition(() => setState({ status: 'error', data: null, error: error as ApiError }));
      },
    );
    return () => controller.abort();
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
