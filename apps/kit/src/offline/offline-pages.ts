/**
 * Pages the shopper can open right now without a network: those whose data the service worker
 * holds in its runtime caches (home, products looked at before). Read from CacheStorage, which the
 * page shares with the worker, so a link is offered only where it will open with its content.
 */
import type { Product } from '../../../../shared/api-types';

/** A page that opens offline: where it is and what to call it. */
export interface OfflinePage {
  href: string;
  label: string;
}

/** The cached answer for an API path, parsed, or null (not cached, no CacheStorage, unreadable). */
async function cachedJson<T>(apiPath: string): Promise<T | null> {
  if (typeof caches === 'undefined') return null;
  try {
    const response = await caches.match(apiPath);
    return response ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

/**
 * Home (when its data is cached) and up to `maxProducts` of `productIds` (first ones first) whose
 * product pages are cached, each by its title.
 */
export async function findOfflinePages(productIds: readonly string[], maxProducts = 4): Promise<OfflinePage[]> {
  const pages: OfflinePage[] = [];
  if (await cachedJson<unknown>('/api/catalog/home')) pages.push({ href: '/', label: 'Home' });
  const unique = [...new Set(productIds)];
  const products = await Promise.all(unique.map((id) => cachedJson<Product>(`/api/catalog/products/${encodeURIComponent(id)}`)));
  const opened = products.filter((product): product is Product => Boolean(product?.id && product.slug && product.title)).slice(0, maxProducts);
  for (const product of opened) pages.push({ href: `/${product.slug}/p/${product.id}`, label: product.title });
  return pages;
}
