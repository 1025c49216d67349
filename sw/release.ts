/** What the server prepended to this worker: the current release (see shared/sw-release.ts). */
import type { SwRelease } from '../shared/sw-release';

declare const self: ServiceWorkerGlobalScope & { __SF_RELEASE__?: SwRelease };

/** The release this worker serves; a worker loaded without the server's prefix serves nothing. */
export function readRelease(): SwRelease {
  return self.__SF_RELEASE__ ?? { release: 'none', killed: false, precache: [], tables: [] };
}
