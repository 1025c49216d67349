/**
 * "The catalog changed" signal. Whatever writes products (the seed, an import, an ops tool) calls
 * `notifyCatalogChanged`; in-memory views of the catalog, such as the search index, listen per store.
 */
import type { Store } from '../store/database';

type Listener = () => Promise<void> | void;

const listeners = new WeakMap<Store, Set<Listener>>();

/** Calls `listener` after each change to `store`'s catalog; returns a function that stops it. */
export function onCatalogChanged(store: Store, listener: Listener): () => void {
  let set = listeners.get(store);
  if (!set) listeners.set(store, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells every in-memory view of `store`'s catalog to reload; resolves once they have. */
export async function notifyCatalogChanged(store: Store): Promise<void> {
  const set = listeners.get(store);
  if (!set) return;
  await Promise.all([...set].map((listener) => listener()));
}
