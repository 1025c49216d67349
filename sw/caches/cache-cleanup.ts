/** Deletes caches of ours that the current version no longer uses (older versions, retired kinds). */
import { isStaleCache } from '../cache-names';

export async function deleteStaleCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter(isStaleCache).map((name) => caches.delete(name)));
}
