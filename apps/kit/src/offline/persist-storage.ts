/**
 * Once the shop is installed, ask the browser to keep its storage (queued orders and cart changes
 * in IndexedDB, the worker's caches) instead of evicting it under storage pressure. Browsers grant
 * it more readily to installed apps, and asking a casual visitor would be premature.
 */
import { track } from '../telemetry/telemetry';

let asked = false;

/** Whether the page runs as the installed app (Android and desktop; iOS's own flag on Safari). */
export function isInstalledDisplay(): boolean {
  const standalone = typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
  return standalone || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

/** Asks now if the app is installed, and again when it gets installed; at most once per page. */
export function persistStorageWhenInstalled(): void {
  if (isInstalledDisplay()) void askPersistence();
  addEventListener('appinstalled', () => void askPersistence());
}

async function askPersistence(): Promise<void> {
  if (asked || !navigator.storage?.persist) return;
  asked = true;
  try {
    if (await navigator.storage.persisted()) return;
    const granted = await navigator.storage.persist();
    track('STORAGE_PERSIST', { granted });
  } catch {
    // Refused or unsupported: storage stays best-effort, as before.
  }
}
