/**
 * The kill switch, page side: on every load the page asks the server (never the worker) whether
 * the switch is on, and if so removes every registration and cache itself, so the switch takes
 * effect on the next navigation even before the browser re-fetches `/sw.js`.
 */
import { SW_URLS, type PageToWorker } from '../../../../shared/sw-release';

/** True when the server says the switch is on; false when it is off or cannot be asked (offline). */
export async function isKillSwitchOn(): Promise<boolean> {
  try {
    const response = await fetch(SW_URLS.status, { cache: 'no-store', credentials: 'omit' });
    return response.ok && ((await response.json()) as { killed?: unknown }).killed === true;
  } catch {
    return false;
  }
}

/**
 * Unregisters every worker of this origin and deletes every cache. Each worker is told to stand down
 * first: a request it is still answering must not put its answer into a cache deleted here.
 */
export async function removeServiceWorker(): Promise<void> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  const standDown: PageToWorker = { type: 'STAND_DOWN' };
  for (const registration of registrations) {
    for (const worker of [registration.active, registration.waiting, registration.installing]) worker?.postMessage(standDown);
  }
  await Promise.all(registrations.map((registration) => registration.unregister()));
  if ('caches' in window) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
}
