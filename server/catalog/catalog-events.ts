/**
 * "The catalog changed" signal. Whatever writes products (the seed, an import, an ops tool) calls
 * `notifyCatalogChanged`; in-memory views of the catalog, such as the search index and the answers
 * kept in memory, listen per store. A writer that changed only some products' prices or stock says
 * which (`CatalogChange`), so those views refresh just what that touches.
 */
import type { Store } from '../store/database';

/** Only these products' prices (price, mrp) or stock changed; their text, images and category did not. */
export interface CatalogChange {
  products: readonly string[];
}

/** Called with the change, or with nothing when anything may have changed. */
type Listener = (change?: CatalogChange) => Promise<void> | void;

const listeners = new WeakMap<Store, Set<Listener>>();

/** Calls `listener` after each change to `store`'s catalog; returns a function that stops it. */
export function onCatalogChanged(store: Store, listener: Listener): () => void {
  let set = listeners.get(store);
  if (!set) listeners.set(store, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells every in-memory view of `store`'s catalog to reload (after the change is committed); resolves once they have. */
export async function notifyCatalogChanged(store: Store, change?: CatalogChange): Promise<void> {
  const set = listeners.get(store);
  if (!set) return;
  await Promise.all([...set].map((listener) => listener(change)));
}
