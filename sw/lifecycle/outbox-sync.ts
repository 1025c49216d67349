/**
 * Background Sync: once the browser is back online it wakes the worker, which replays the outbox
 * (queued cart changes and cash-on-delivery orders) even when no tab of the shop is open. Pages
 * replay the same queue themselves (Safari has no Background Sync); a lock keeps it to one at a time.
 */
import { idbOutbox } from '../../apps/kit/src/offline/outbox-db';
import { OUTBOX_SYNC_TAG, replayExclusive } from '../../apps/kit/src/offline/outbox-sync';

declare const self: ServiceWorkerGlobalScope;

/** The part of a `SyncEvent` the worker reads (the WebWorker lib has no Background Sync types). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

/** Replays the outbox on the page's sync tag; asks the browser to try again while ops remain. */
export function replayOutboxOnSync(): void {
  self.addEventListener('sync', (event) => {
    const sync = event as SyncEvent;
    if (sync.tag !== OUTBOX_SYNC_TAG) return;
    sync.waitUntil(
      replayExclusive(idbOutbox).then((outcome) => {
        // A rejection is how the worker says "not yet": the browser retries with its own back-off.
        if (outcome.remaining > 0 && !sync.lastChance) throw new Error(`${outcome.remaining} queued changes still wait for the network`);
      }),
    );
  });
}
