/**
 * One replay at a time across every tab and the service worker (a Web Lock), and a broadcast when
 * the queue changed so every open page shows it. Used by the page (`outbox.ts`) and by the worker's
 * Background Sync handler.
 */
import { replayOutbox, type OutboxStorage, type ReplayOptions, type ReplayOutcome } from './outbox-replay';

/** The Background Sync tag the page registers and the worker answers. */
export const OUTBOX_SYNC_TAG = 'sf-outbox';
/** The BroadcastChannel on which "the outbox changed" is announced. */
export const OUTBOX_CHANNEL = 'sf-outbox';
const LOCK_NAME = 'sf-outbox-replay';

/**
 * Replays under the lock. Without Web Locks (old browsers) two replays may overlap; the server's
 * idempotency keys still keep each change to one effect.
 */
export async function replayExclusive(storage: OutboxStorage, options: ReplayOptions = {}): Promise<ReplayOutcome> {
  const run = (): Promise<ReplayOutcome> => replayOutbox(storage, options);
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  const outcome = locks ? await locks.request(LOCK_NAME, run) : await run();
  if (outcome.settled.length > 0) announceOutboxChange();
  return outcome;
}

/** Tells every other page (and tab) of the shop to read the outbox again. */
export function announceOutboxChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage({ type: 'outbox-changed' });
  channel.close();
}
