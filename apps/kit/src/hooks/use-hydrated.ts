/** Whether the page has hydrated: false while rendering the shell and hydrating it, true after. */
import { useContext, useSyncExternalStore } from 'react';
import { ApiDataContext } from '../api/api-data-context';

const noSubscription = (): (() => void) => () => {};

/**
 * Gate for anything that depends on the URL, storage, time or data: the build-time shell saw none
 * of them, so the first client render must not either, or hydration would mismatch.
 */
export function useHydrated(): boolean {
  // A renderer that holds the data renders the finished page: there is no data-less shell to match.
  const rendersWithData = useContext(ApiDataContext) !== null;
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return rendersWithData || hydrated;
}
