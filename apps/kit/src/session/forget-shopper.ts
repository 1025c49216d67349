/**
 * What a browser keeps of the shopper who signs out, forgotten so the next person on a shared
 * device finds none of it: the worker's cached searches and products, the telemetry events not
 * sent yet, the recently viewed products, the delivery PIN code and the copies kept for offline use (the account's cart
 * and addresses). Never throws: signing out must always finish.
 */
import { forgetDeliveryPin } from '../hooks/delivery-pin';
import { clearRecentlyViewed } from '../hooks/recently-viewed';
import { forgetOfflineCopies } from '../offline/outbox';
import { clearWorkerCaches } from '../sw-bridge/clear-shopper-data';
import { discardUnsentEvents } from '../telemetry/telemetry';

export async function forgetShopper(): Promise<void> {
  clearRecentlyViewed();
  forgetDeliveryPin();
  await Promise.all([
    clearWorkerCaches().catch(() => undefined),
    discardUnsentEvents().catch(() => undefined),
    forgetOfflineCopies().catch(() => undefined),
  ]);
}
