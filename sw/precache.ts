/**
 * The precache: vendors, every app's current bundles and CSS, every shell, the offline page and the
 * icons, as the server listed them for this release. Hashed URLs need no revision; shells and other
 * fixed URLs carry the hash of their content, so an unchanged file is not fetched again.
 */
import { setCacheNameDetails } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from '../shared/sw-release';
import { CACHE_PREFIX, CACHE_VERSION } from './cache-names';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] };

/** Precaches the build's own files and the release's, and answers their URLs from the cache. */
export function precacheRelease(entries: readonly PrecacheEntry[]): void {
  setCacheNameDetails({ prefix: CACHE_PREFIX, suffix: CACHE_VERSION, precache: 'precache', runtime: 'runtime' });
  // Empty at build time: the release's files are known only when the server serves the worker.
  precacheAndRoute([...self.__WB_MANIFEST, ...entries], { ignoreURLParametersMatching: [/./], directoryIndex: '', cleanURLs: false });
  cleanupOutdatedCaches();
}
