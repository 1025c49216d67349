/** Page-side probes of the service worker: who controls the page, what its caches hold. */
import type { Page } from '@playwright/test';

/** Waits until a worker controls the page (the first visit's worker claims it once activated). */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** Number of worker registrations and cache names of the page's origin. */
export function workerFootprint(page: Page): Promise<{ registrations: number; caches: string[] }> {
  return page.evaluate(async () => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).length,
    caches: await caches.keys(),
  }));
}

/** URLs (path and query) held in one cache. */
export function cachedUrls(page: Page, cacheName: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => {
      const url = new URL(request.url);
      return url.pathname + url.search;
    });
  }, cacheName);
}

/** Paths of `count` distinct real products, from the server's search, for journeys that need many. */
export async function productPaths(baseUrl: string, query: string, count: number): Promise<string[]> {
  const paths = new Set<string>();
  for (const q of [query, 'phone', 'shirt', 'laptop', 'watch', 'shoes', 'book', 'tv', 'bag', 'cream']) {
    const res = await fetch(`${baseUrl}/api/catalog/search?q=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { products: Array<{ id: string; slug: string }> };
    for (const product of body.products) paths.add(`/${product.slug}/p/${product.id}`);
    if (paths.size >= count) break;
  }
  return [...paths].slice(0, count);
}
