/**
 * All page ↔ service-worker code: registration, the kill flag check, the update prompt (which a
 * page mid-task can defer) and the install offer. `hydrateApp` starts it once React has the page.
 */
import { useEffect } from 'react';
import { createBridgeStore } from './bridge-state';
import { persistStorageWhenInstalled } from '../offline/persist-storage';
import { holdInstallPrompt, watchInstallPrompt } from './install-offer';
import { isKillSwitchOn, removeServiceWorker } from './kill-flag';
import { mountPromptsWhenNeeded } from './prompts';
import { registerWorker } from './register-worker';
import { track } from '../telemetry/telemetry';

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

/** Registers the worker unless the kill switch is on (then removes it); never throws. */
async function startBridge(): Promise<void> {
  mountPromptsWhenNeeded(store);
  watchInstallPrompt(store);
  try {
    if (await isKillSwitchOn()) {
      const controlled = navigator.serviceWorker.controller !== null;
      await removeServiceWorker();
      track('SW_KILLED', { reason: 'kill-switch', controlled });
      // The old worker still serves this page and may cache its data again: load it once more,
      // uncontrolled (that load finds no worker and clears whatever was cached meanwhile).
      if (controlled) window.location.reload();
    } else await registerWorker(store);
  } catch (error) {
    // The shop works without its worker; say why for support, and go on.
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
