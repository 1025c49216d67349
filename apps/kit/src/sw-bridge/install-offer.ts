/**
 * Install to home screen, politely: the browser's `beforeinstallprompt` is held back and offered
 * through the shop's own prompt only after real engagement (a second visit, or a product viewed),
 * and the shopper's answer is remembered so the question is never asked twice.
 */
import { readRecentlyViewed } from '../hooks/recently-viewed';
import type { BridgeStore } from './bridge-state';
import { track } from '../telemetry/telemetry';

const VISITS_KEY = 'sf.visits';
const CHOICE_KEY = 'sf.installChoice';
const SESSION_KEY = 'sf.visitCounted';

export type InstallChoice = 'accepted' | 'dismissed';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Engaged enough to be asked: pure, so the rule is unit-tested. */
export function isEngaged(visits: number, productsViewed: number, choice: string | null): boolean {
  return choice === null && (visits >= 2 || productsViewed > 0);
}

let held: BeforeInstallPromptEvent | null = null;
let onHeld: (() => void) | null = null;

/**
 * Starts holding the browser's install prompt at once, as the page starts: the browser fires it
 * once per page load, as soon as it finds the shop installable, which may be before `load`, or
 * before the bundles run: the shell's own script holds one that came earlier (shells/index.hbs).
 */
export function holdInstallPrompt(): void {
  const early = (window as { __SF_INSTALL_PROMPT__?: Event }).__SF_INSTALL_PROMPT__;
  if (early) held = early as BeforeInstallPromptEvent;
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the mini-infobar away; the shop asks at its own moment.
    event.preventDefault();
    held = event as BeforeInstallPromptEvent;
    onHeld?.();
  });
}

/** Counts this visit and offers the held prompt (now, or when it comes) to an engaged shopper. */
export function watchInstallPrompt(store: BridgeStore): void {
  const visits = countVisit();
  onHeld = () => {
    if (held && isEngaged(visits, readRecentlyViewed().length, storage('get', CHOICE_KEY))) store.update({ installOffer: true });
  };
  onHeld();
  window.addEventListener('appinstalled', () => remember(store, 'accepted'));
}

/** Shows the browser's own dialog; remembers the answer either way. */
export async function acceptInstall(store: BridgeStore): Promise<void> {
  const event = held;
  held = null;
  store.update({ installOffer: false });
  if (!event) return;
  await event.prompt();
  const { outcome } = await event.userChoice;
  track('INSTALL_PROMPT', { outcome });
  remember(store, outcome);
}

/** "Not now": remembered, so the shop does not ask again. */
export function dismissInstall(store: BridgeStore): void {
  track('INSTALL_PROMPT', { outcome: 'not-now' });
  remember(store, 'dismissed');
}

function remember(store: BridgeStore, choice: InstallChoice): void {
  storage('set', CHOICE_KEY, choice);
  store.update({ installOffer: false });
}

function countVisit(): number {
  const visits = Number(storage('get', VISITS_KEY) ?? '0') || 0;
  if (storage('get', SESSION_KEY, undefined, true)) return visits;
  storage('set', SESSION_KEY, '1', true);
  storage('set', VISITS_KEY, String(visits + 1));
  return visits + 1;
}

/** localStorage (or sessionStorage) that shrugs when storage is blocked. */
function storage(op: 'get' | 'set', key: string, value?: string, session = false): string | null {
  try {
    const area = session ? window.sessionStorage : window.localStorage;
    if (op === 'get') return area.getItem(key);
    area.setItem(key, value ?? '');
  } catch {
    // Private modes may refuse storage: the offer then simply is not made again.
  }
  return null;
}
