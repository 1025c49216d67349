/**
 * Registers `/sw.js` and watches for updates: a new worker that finishes installing while an old
 * one controls the page waits, and the store says so (the update prompt appears). The page reloads
 * only after the shopper accepted and the new worker took control. Pages left open check for a new
 * worker themselves (`update-checks.ts`). When the first worker takes over a page, the page tells
 * it what it already loaded (pictures, catalog data), so a first visit is there for offline ones.
 */
import { SW_URLS, type PageToWorker } from '../../../../shared/sw-release';
import { track } from '../telemetry/telemetry';
import type { BridgeStore } from './bridge-state';
import { scheduleRegistrationChecks } from './update-checks';

let waiting: ServiceWorker | null = null;

/** Same-origin pictures and API reads this page loaded so far (the worker keeps only the kinds it caches). */
function loadedUrls(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${location.origin}/img/`) || name.startsWith(`${location.origin}/api/catalog/`));
}

export async function registerWorker(store: BridgeStore): Promise<void> {
  if (!navigator.serviceWorker.controller) {
    // First install: what this page loaded so far went past the worker.
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_SEEN', urls: loadedUrls() } satisfies PageToWorker),
      { once: true },
    );
  }
  const registration = await navigator.serviceWorker.register(SW_URLS.worker, { scope: '/' });
  const announce = (worker: ServiceWorker): void => {
    // No controller means a first install, which takes over by itself: nothing to announce.
    if (!navigator.serviceWorker.controller) return;
    waiting = worker;
    store.update({ updateReady: true });
  };
  if (registration.waiting) announce(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') {
        track('SW_INSTALLED', { update: navigator.serviceWorker.controller !== null });
        announce(worker);
      }
      if (worker.state === 'activated') track('SW_ACTIVATED');
      if (worker.state === 'redundant') track('SW_KILLED', { reason: 'redundant' });
    });
  });
  scheduleRegistrationChecks(registration);
}

/** The shopper said yes: the waiting worker takes over, then the page reloads on the new release. */
export function acceptUpdate(store: BridgeStore): void {
  const worker = waiting;
  if (!worker) return;
  store.update({ updateReady: false });
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  worker.postMessage({ type: 'SKIP_WAITING' } satisfies PageToWorker);
}

/** "Later": the prompt goes; the new worker still takes over once every tab of the shop is closed. */
export function dismissUpdate(store: BridgeStore): void {
  store.update({ updateReady: false });
}
