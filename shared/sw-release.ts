/**
 * What the server tells the service worker about the current release, and the URLs both sides
 * agree on. The server prepends `self.__SF_RELEASE__ = {…}` to the built worker (a level-2 render
 * of `/sw.js`), so the worker's bytes change whenever any app, the vendors or the switch changes.
 */
import type { RouteTable } from './route-table';

/** One file to precache: hashed URLs carry `revision: null` (the URL is the version). */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

export interface SwRelease {
  /** Pointer ids of the release this worker serves (vendors and every app). */
  release: string;
  /** True while the kill switch is on: the worker removes itself instead of serving. */
  killed: boolean;
  precache: PrecacheEntry[];
  /** The route tables of the current release, in matching order (the server's own). */
  tables: RouteTable[];
}

/** The global the server's prefix fills in before the worker's code runs. */
export const SW_RELEASE_GLOBAL = '__SF_RELEASE__';

/** Where the server answers each shell at a stable URL, for the precache. */
export const SHELL_URL_PREFIX = '/__shells/';

/** Stable URL of a route type's shell, for the precache (`/__shells/<app>/<shell>`). */
export function shellUrl(app: string, shell: string): string {
  return `${SHELL_URL_PREFIX}${app}/${shell}`;
}

export const SW_URLS = {
  worker: '/sw.js',
  /** `{"killed": boolean}`, never cached: pages read it on load. */
  status: '/sw-status.json',
  offline: '/offline.html',
  manifest: '/manifest.webmanifest',
} as const;

/**
 * Messages a page sends to the worker. `CLEAR_SHOPPER_DATA` comes with a port the worker answers on.
 * `CACHE_SEEN`: what a page loaded before the first worker controlled it (pictures, catalog data),
 * for the worker's runtime caches (it never went through the worker). `STAND_DOWN`: the kill switch
 * is on and the page is about to unregister the worker, which then writes no cache again.
 */
export type PageToWorker =
  | { type: 'SKIP_WAITING' }
  | { type: 'CLEAR_SHOPPER_DATA' }
  | { type: 'CACHE_SEEN'; urls: string[] }
  | { type: 'STAND_DOWN' };

/** The worker's answer on that port once the shopper's cached data is gone. */
export type WorkerToPage = { type: 'SHOPPER_DATA_CLEARED'; deleted: string[] };
