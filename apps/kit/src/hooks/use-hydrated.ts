/** Whether the page has hydrated: false while rendering the shell and hydrating it, true after. */
import { useSyncExternalStore } from 'react';

const noSubscription = (): (() => void) => () => {};

/**
 * Gate for anything that depends on the URL, storage, time or data: the build-time shell saw none
 * of them, so the first client render must not either, or hydration would mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
