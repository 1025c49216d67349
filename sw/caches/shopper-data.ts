/**
 * What the worker keeps of one shopper: the runtime caches of API answers (searches typed,
 * products and pages looked at) and their pictures. On sign-out the page asks for them to be
 * deleted, so the next person on a shared device finds none of it offline. The precache (the
 * release's own files) stays.
 */
import { CACHE_NAMES } from '../cache-names';

/** Every runtime cache: all of ours but the precache. */
export const SHOPPER_CACHES: readonly string[] = Object.entries(CACHE_NAMES)
  .filter(([kind]) => kind !== 'precache')
  .map(([, name]) => name);

/** Deletes the shopper's runtime caches from `storage`; answers the names that existed. */
export async function clearShopperCaches(storage: Pick<CacheStorage, 'delete'>): Promise<string[]> {
  const deleted = await Promise.all(SHOPPER_CACHES.map(async (name) => ((await storage.delete(name)) ? name : null)));
  return deleted.filter((name): name is string => name !== null);
}
