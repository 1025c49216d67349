/**
 * The part of the bridge that runs after the page's `load`: the kill flag check, registration and
 * the prompts' root. A chunk of its own, so first paint neither downloads nor evaluates it.
 */
import type { BridgeStore } from './bridge-state';
import { watchInstallPrompt } from './install-offer';
import { isKillSwitchOn, removeServiceWorker } from './kill-flag';
import { mountPromptsWhenNeeded } from './prompts';
import { registerWorker } from './register-worker';
import { track } from '../telemetry/telemetry';

/** Registers the worker unless the kill switch is on (then removes it); never throws. */
export async function startBridge(store: BridgeStore): Promise<void> {
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
