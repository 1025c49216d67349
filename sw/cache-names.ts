/**
 * Every cache this worker owns: one prefix, one version. Bump the version when a cache's contents
 * change meaning; on activate, any of our caches not named here is deleted.
 */
export const CACHE_PREFIX = 'sf';
export const CACHE_VERSION = 'v1';

const named = (what: string): string => `${CACHE_PREFIX}-${what}-${CACHE_VERSION}`;

export const CACHE_NAMES = {
  /** Workbox builds the precache's name from these parts: `sf-precache-v1`. */
  precache: named('precache'),
  products: named('products'),
  searches: named('searches'),
  suggestions: named('suggestions'),
  catalog: named('catalog'),
  images: named('images'),
} as const;

/** True for a cache this worker (or an older one of ours) made that the current version no longer uses. */
export function isStaleCache(name: string): boolean {
  if (!name.startsWith(`${CACHE_PREFIX}-`)) return false;
  return !(Object.values(CACHE_NAMES) as string[]).includes(name);
}
