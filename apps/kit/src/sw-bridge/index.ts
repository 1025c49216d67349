/**
 * All page ↔ service-worker code: registration, the kill flag check, the update prompt (which a
 * page mid-task can defer) and the install offer. `hydrateApp` starts it once React has the page.
 */
import { useEffect } from 'react';
import { createBridgeStore } from './bridge-state';
import { persistStorageWhenInstalled } from '../offline/persist-storage';
import { holdInstallPrompt } from './install-offer';

const store = createBridgeStore();

/**
 * Holds the browser's install prompt from the start (and asks for persistent storage once the
 * shop is installed); the rest waits for the page's `load`, so
 * registering and precaching never compete with the page's own first bytes.
 */
export function startServiceWorkerBridge(): void {
  holdInstallPrompt();
  persistStorageWhenInstalled();
  if (!('serviceWorker' in navigator)) return;
  if (document.readyState === 'complete') void startBridge();
  else window.addEventListener('load', () => void startBridge(), { once: true });
}

/** Loads the rest of the bridge (its own chunk, precached by the worker) and runs it. */
async function startBridge(): Promise<void> {
  try {
    const { startBridge: start } = await import(/* webpackChunkName: "later-sw-bridge" */ './start-bridge');
    await start(store);
  } catch (error) {
    // Offline with no worker yet, the chunk cannot arrive: the shop works without its worker.
    console.info('service worker unavailable', error);
  }
}

/**
 * Holds the "new version" prompt back while the calling component is mounted (the checkout page
 * calls it: a release never switches mid-checkout). The prompt appears once it unmounts.
 */
export function useDeferUpdates(): void {
  useEffect(() => {
    store.update({ deferrals: store.get().deferrals + 1 });
    return () => store.update({ deferrals: store.get().deferrals - 1 });
  }, []);
}
