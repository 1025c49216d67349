/**
 * Runtime caches for what the precache cannot know: API answers and images. API data is
 * network-first with a short timeout (fresh when the network is good, the last copy when it is bad
 * or gone); images never change at a URL, so they are cache-first. Every cache is LRU-bounded
 * (workbox's expiration refreshes an entry's time on each use) and expires by age.
 */
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, type Strategy } from 'workbox-strategies';
import { CACHE_NAMES } from '../cache-names';
import { requestKind, type RequestKind } from '../routing/request-kind';
import { createStandDown } from './stand-down';

declare const self: ServiceWorkerGlobalScope;

const HOUR = 60 * 60;

/** Bounds of each runtime cache: entries kept (least recently used go first) and their age limit. */
export const RUNTIME_LIMITS: Record<RequestKind, { maxEntries: number; maxAgeSeconds: number }> = {
  product: { maxEntries: 24, maxAgeSeconds: 24 * HOUR },
  search: { maxEntries: 12, maxAgeSeconds: 12 * HOUR },
  suggestion: { maxEntries: 40, maxAgeSeconds: 12 * HOUR },
  catalog: { maxEntries: 30, maxAgeSeconds: 24 * HOUR },
  image: { maxEntries: 120, maxAgeSeconds: 30 * 24 * HOUR },
};

/** Past this, a slow network loses to the cached copy (when there is one). */
export const NETWORK_TIMEOUT_SECONDS = 3;

const CACHE_OF: Record<RequestKind, string> = {
  product: CACHE_NAMES.products,
  search: CACHE_NAMES.searches,
  suggestion: CACHE_NAMES.suggestions,
  catalog: CACHE_NAMES.catalog,
  image: CACHE_NAMES.images,
};

/** The kill switch's stand-down (see stand-down.ts): one for the worker, on every runtime strategy. */
export const workerStandDown = createStandDown(self.caches);

function strategyFor(kind: RequestKind): Strategy {
  const plugins = [workerStandDown.plugin, new ExpirationPlugin({ ...RUNTIME_LIMITS[kind], purgeOnQuotaError: true })];
  if (kind === 'image') return new CacheFirst({ cacheName: CACHE_OF[kind], plugins });
  return new NetworkFirst({ cacheName: CACHE_OF[kind], plugins, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS });
}

const strategies = new Map<RequestKind, Strategy>();

/** The one strategy (and so the one set of LRU and age limits) of a request kind. */
export function runtimeStrategy(kind: RequestKind): Strategy {
  let strategy = strategies.get(kind);
  if (!strategy) {
    strategy = strategyFor(kind);
    strategies.set(kind, strategy);
  }
  return strategy;
}

/** Registers one route per request kind, on same-origin GETs. */
export function routeRuntimeCaches(): void {
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && requestKind(url) !== null,
    (options) => runtimeStrategy(requestKind(options.url)!).handle(options),
  );
}

/**
 * Puts what a page loaded before this worker controlled it (pictures, catalog data) into the runtime
 * caches, through each kind's own strategy (so its LRU and age limits hold). `force-cache`: the
 * browser's HTTP cache answers what it still holds, so the server is not asked again for what the
 * page already has. One that fails is only missing offline, as before.
 */
export async function cacheSeen(seen: ReadonlyArray<{ url: string; kind: RequestKind }>, event: ExtendableEvent): Promise<void> {
  await Promise.all(seen.map(({ url, kind }) => runtimeStrategy(kind).handle({ request: new Request(url, { cache: 'force-cache' }), event }).catch(() => undefined)));
}
