/**
 * The worker served while the kill switch is on: it takes over at once, deletes every cache,
 * unregisters itself and reloads the pages it controlled, which then load from the network.
 */
declare const self: ServiceWorkerGlobalScope;

export function runKillSwitchWorker(): void {
  self.addEventListener('install', () => {
    void self.skipWaiting();
  });
  self.addEventListener('activate', (event) => {
    event.waitUntil(removeEverything());
  });
}

async function removeEverything(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.map((name) => caches.delete(name)));
  await self.registration.unregister();
  const pages = await self.clients.matchAll({ type: 'window' });
  // After unregister() the reloads are no longer controlled: they come from the network.
  await Promise.all(pages.map((page) => page.navigate(page.url).catch(() => null)));
}
