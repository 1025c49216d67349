/**
 * "The catalog changed" signal. Whatever writes products (the seed, an import, an ops tool) calls
 * `notifyCatalogChanged`; in-memory views of the catalog, such as the search index and the answers
 * kept in memory, listen per store. A writer that changed only some products' prices or stock, or
 * only their pictures, says which (`CatalogChange`), so those views refresh just what that touches.
 *
 * On PostgreSQL the store itself says what changed (the change feed, decisions/0018): a writer's
 * notice then only asks the feed to read now, and the feed tells the listeners what the database
 * recorded, so this process and every other node follow the same changes through one path.
 */
import type { Store } from '../store/database';

/**
 * What changed, when a writer can say: `products` had their prices (price, mrp) or stock changed,
 * `pictures` (if any) had only their pictures changed (a photo made or uploaded, decisions/0030).
 * Neither list's text or category changed.
 */
export interface CatalogChange {
  products: readonly string[];
  pictures?: readonly string[];
}

/** Called with the change, or with nothing when anything may have changed. */
type Listener = (change?: CatalogChange) => Promise<void> | void;

/** Something that learns the catalog's changes from the store itself. */
export interface ChangeSource {
  /** Reads the changes committed so far and tells the listeners; resolves once they have. */
  catchUp(): Promise<void>;
}

const listeners = new WeakMap<Store, Set<Listener>>();
const sources = new WeakMap<Store, ChangeSource>();

/** Calls `listener` after each change to `store`'s catalog; returns a function that stops it. */
export function onCatalogChanged(store: Store, listener: Listener): () => void {
  let set = listeners.get(store);
  if (!set) listeners.set(store, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Routes writers' notices for `store` through `source`; returns a function that stops it. */
export function followChangesFrom(store: Store, source: ChangeSource): () => void {
  sources.set(store, source);
  return () => {
    if (sources.get(store) === source) sources.delete(store);
  };
}

/**
 * Tells every in-memory view of `store`'s catalog to reload (after the change is committed);
 * resolves once they have. With a change source, the source reads what changed instead.
 */
export async function notifyCatalogChanged(store: Store, change?: CatalogChange): Promise<void> {
  const source = sources.get(store);
  if (source) return source.catchUp();
  await deliverCatalogChange(store, change);
}

/** Calls the listeners of `store` with `change`: for change sources, which know it happened. */
export async function deliverCatalogChange(store: Store, change?: CatalogChange): Promise<void> {
  const set = listeners.get(store);
  if (!set) return;
  await Promise.all([...set].map((listener) => listener(change)));
}
