/**
 * What a browser keeps of the shopper who signs out, forgotten so the next person on a shared
 * device finds none of it: the worker's cached searches and products, the telemetry events not
 * sent yet, the recently viewed products and the copies kept for offline use (the account's cart
 * and addresses). Never throws: signing out must always finish.
 */
import { clearRecentlyViewed } from '../hooks/recently-viewed';
import { forgetOfflineCopies } from '../offline/outbox';
import { clearWorkerCaches } from '../sw-bridge/clear-shopper-data';
import { discardUnsentEvents } from '../telemetry/telemetry';

export async function forgetShopper(): Promise<void> {
  clearRecentlyViewed();
  await Promise.all([
    clearWorkerCaches().catch(() => undefined),
    discardUnsentEvents().catch(() => undefined),
    forgetOfflineCopies().catch(() => undefined),
  ]);
}
