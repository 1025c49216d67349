/**
 * Messages from pages. Updates wait until the shopper says so: the page's update prompt posts
 * SKIP_WAITING, and only then does the new worker take over (the page reloads on
 * `controllerchange`). On sign-out a page posts CLEAR_SHOPPER_DATA and waits on its port for the
 * runtime caches to be gone. A page the first worker just took over posts CACHE_SEEN: what it loaded
 * before (pictures, catalog data), which never went through the worker. A page that found the kill
 * switch on posts STAND_DOWN before it unregisters this worker: no more cache writes, and every cache
 * is deleted again once the requests in flight are done.
 */
import type { PageToWorker, WorkerToPage } from '../../shared/sw-release';
import { cacheSeen, workerStandDown } from '../caches/runtime-caches';
import { seenUrls } from '../caches/seen-urls';
import { clearShopperCaches } from '../caches/shopper-data';

declare const self: ServiceWorkerGlobalScope;

export function listenForPageMessages(): void {
  self.addEventListener('message', (event: ExtendableMessageEvent) => {
    const message = event.data as PageToWorker | null;
    if (message?.type === 'SKIP_WAITING') void self.skipWaiting();
    if (message?.type === 'CLEAR_SHOPPER_DATA') {
      const done = clearShopperCaches(caches).then((deleted) => {
        event.ports[0]?.postMessage({ type: 'SHOPPER_DATA_CLEARED', deleted } satisfies WorkerToPage);
      });
      event.waitUntil(done);
    }
    if (message?.type === 'STAND_DOWN') event.waitUntil(workerStandDown.standDown());
    if (message?.type === 'CACHE_SEEN' && !workerStandDown.standingDown) event.waitUntil(cacheSeen(seenUrls(message.urls, self.location.origin), event));
  });
}
