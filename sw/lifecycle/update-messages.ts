/**
 * Updates wait until the shopper says so: the page's update prompt posts SKIP_WAITING, and only
 * then does the new worker take over (the page reloads on `controllerchange`).
 */
import type { PageToWorker } from '../../shared/sw-release';

declare const self: ServiceWorkerGlobalScope;

export function listenForUpdateMessages(): void {
  self.addEventListener('message', (event: ExtendableMessageEvent) => {
    const message = event.data as PageToWorker | null;
    if (message?.type === 'SKIP_WAITING') void self.skipWaiting();
  });
}
