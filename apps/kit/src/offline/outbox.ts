/**
 * The page's side of the outbox: queue a change (kept in IndexedDB with its own idempotency key),
 * see what is still pending, and replay the queue when the page starts, comes back online or
 * becomes visible again. Browsers with Background Sync also replay from the service worker after
 * the page is gone; Safari has none, and these page-side triggers are what make it work there.
 */
import { useSyncExternalStore } from 'react';
import { apiRequest } from '../api/api-client';
import type { Cart } from '../../../../shared/api-types';
import { track } from '../telemetry/telemetry';
import { randomId } from '../telemetry/event-types';
import type { PageOutboxStorage } from './outbox-db';
import { createMemoryOutbox } from './outbox-memory';
import type { NewOutboxOp, OutboxOp, OutboxResult } from './outbox-ops';
import type { ReplayOutcome } from './outbox-replay';
import { announceOutboxChange, OUTBOX_CHANNEL, OUTBOX_SYNC_TAG, replayExclusive } from './outbox-sync';

const NO_OPS: readonly OutboxOp[] = [];
const NO_RESULTS: readonly OutboxResult[] = [];
/** A server that failed is asked again after this long, doubling up to the maximum. */
const RETRY_FIRST_MS = 15_000;
const RETRY_MAX_MS = 5 * 60_000;

let storage: Promise<PageOutboxStorage> | null = null;
let ops: readonly OutboxOp[] = NO_OPS;
let results: readonly OutboxResult[] = NO_RESULTS;
let started = false;
let running: Promise<ReplayOutcome> | null = null;
let next: Promise<ReplayOutcome> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = RETRY_FIRST_MS;
const listeners = new Set<() => void>();
const cartListeners = new Set<(cart: Cart) => void>();

/**
 * The IndexedDB half (with the idb library) is a chunk of its own, fetched when the queue is first
 * read, not on the way to first paint; the worker precaches it with the vendors bundle.
 */
const outboxDb = (): Promise<typeof import('./outbox-db')> => import(/* webpackChunkName: "later-outbox-db" */ './outbox-db');

/** IndexedDB when the browser allows it, else memory (the queue then lasts as long as the page). */
function outboxStorage(): Promise<PageOutboxStorage> {
  storage ??= outboxDb().then(
    ({ idbOutbox, openOutboxDb }) =>
      openOutboxDb().then(
        () => idbOutbox,
        () => createMemoryOutbox(),
      ),
    () => createMemoryOutbox(),
  );
  return storage;
}

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Results this page has already taken into account, by key. */
const seen = new Set<string>();

/** Reads the queue and recent results again (another tab or the worker may have changed them). */
async function refresh(): Promise<void> {
  const store = await outboxStorage();
  [ops, results] = await Promise.all([store.list(), store.results()]);
  emit();
}

/**
 * After another tab or the worker replayed the queue: the cart it changed is the server's now, and
 * this page never saw the answer, so it asks for the cart once.
 */
async function refreshFromElsewhere(): Promise<void> {
  const before = new Set(seen);
  await refresh();
  const fresh = results.filter((result) => !before.has(result.key));
  for (const result of fresh) seen.add(result.key);
  if (fresh.some((result) => result.ok)) emitServerCart();
}

function emitServerCart(): void {
  apiRequest<Cart>('cart').then((cart) => cartListeners.forEach((listener) => listener(cart)), () => undefined);
}

/** Starts the replay triggers; `hydrateApp` calls it once per page. */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  void refresh().then(
    () => {
      for (const result of results) seen.add(result.key);
      if (ops.length > 0) void flushOutbox();
    },
    () => undefined,
  );
  addEventListener('online', () => void flushOutbox());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushOutbox();
  });
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(OUTBOX_CHANNEL).addEventListener('message', () => void refreshFromElsewhere().catch(() => undefined));
  }
}

/**
 * Queues a change and starts sending it. The op is shown at once (`usePendingOps`); its key is
 * made now, so however often it is sent, the server applies it once.
 */
export async function enqueue(op: NewOutboxOp): Promise<OutboxOp> {
  const store = await outboxStorage();
  const queued = await store.add({ ...op, key: op.key ?? randomId(), createdAt: Date.now() } as OutboxOp);
  ops = [...ops, queued];
  emit();
  announceOutboxChange();
  void flushOutbox();
  return queued;
}

/**
 * Replays the queue now (after the replay under way, if any) and resolves with how it went; a
 * change queued before the call is included.
 */
export function flushOutbox(): Promise<ReplayOutcome> {
  if (!running) {
    running = replayOnce().finally(() => {
      running = null;
    });
    return running;
  }
  next ??= running.then(
    () => {
      next = null;
      return flushOutbox();
    },
    () => {
      next = null;
      return flushOutbox();
    },
  );
  return next;
}

async function replayOnce(): Promise<ReplayOutcome> {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  const store = await outboxStorage();
  const outcome = await replayExclusive(store, { onCart: (cart) => cartListeners.forEach((listener) => listener(cart)) });
  for (const result of outcome.settled) seen.add(result.key);
  await refresh();
  // A placed order took its lines out of the cart: the cart shown must follow.
  if (outcome.settled.some((result) => result.kind === 'order' && result.ok)) emitServerCart();
  // What could not be sent now is handed to Background Sync too, which works with every tab closed.
  if (outcome.remaining > 0) void registerBackgroundSync();
  for (const result of outcome.settled) {
    if (result.kind === 'order') {
      track('CHECKOUT_STEP', { step: 'place-order', outcome: result.ok ? 'queued-placed' : 'queued-refused', paymentMethod: 'cod', orderId: result.orderId, code: result.error?.code });
    }
  }
  // Offline: the `online` event brings the next try. A failing server: try again later, less often.
  const error = outcome.stoppedBy;
  if (error && !error.offline && error.status !== 401) {
    retryTimer = setTimeout(() => void flushOutbox(), retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  } else retryDelay = RETRY_FIRST_MS;
  return outcome;
}

/** Asks the worker to replay once the browser is back online, even if every tab is closed. */
async function registerBackgroundSync(): Promise<void> {
  try {
    if (!('serviceWorker' in navigator)) return;
    const registration = (await navigator.serviceWorker.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await registration?.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // No Background Sync (Safari, Firefox) or no worker yet: the page's own triggers replay.
  }
}

/** The ops still queued, oldest first; re-renders when the queue changes. */
export function usePendingOps(): readonly OutboxOp[] {
  return useSyncExternalStore(subscribe, () => ops, () => NO_OPS);
}

/** Recent results of queued changes, oldest first. */
export function useOutboxResults(): readonly OutboxResult[] {
  return useSyncExternalStore(subscribe, () => results, () => NO_RESULTS);
}

/** The queued ops right now (outside React). */
export function pendingOps(): readonly OutboxOp[] {
  return ops;
}

/** How the op with this key ended, if it has. */
export function outboxResult(key: string): OutboxResult | undefined {
  return results.find((result) => result.key === key);
}

/** Called with each cart the server answers while the queue is replayed. */
export function onReplayedCart(listener: (cart: Cart) => void): () => void {
  cartListeners.add(listener);
  return () => cartListeners.delete(listener);
}

/** Keeps an answer for pages opened offline; a failure only means there is none to show then. */
export function rememberForOffline(name: 'cart' | 'addresses', value: unknown): void {
  void outboxDb()
    .then(({ saveSnapshot }) => saveSnapshot(name, value))
    .catch(() => undefined);
}

/** The last answer kept under `name`, or null. */
export function recallForOffline<T>(name: 'cart' | 'addresses'): Promise<T | null> {
  return outboxDb()
    .then(({ readSnapshot }) => readSnapshot<T>(name))
    .catch(() => null);
}

/** The last answer kept under `name` with the time it was kept (ms since the epoch), or null. */
export function recallOfflineCopy<T>(name: 'cart' | 'addresses'): Promise<{ value: T; at: number } | null> {
  return outboxDb()
    .then(({ readSnapshotRow }) => readSnapshotRow<T>(name))
    .catch(() => null);
}

/** Forgets the kept answers (on sign-out: they were the account's); queued changes stay queued. */
export async function forgetOfflineCopies(): Promise<void> {
  await outboxDb()
    .then(({ clearSnapshots }) => clearSnapshots())
    .catch(() => undefined);
}
