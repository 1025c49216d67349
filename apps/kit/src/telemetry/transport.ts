/**
 * Sends batches to the shop's own origin (the CSP allows `connect-src 'self'` only): a beacon
 * while the page is being hidden, which outlives the page, otherwise a keep-alive fetch whose
 * answer says whether to keep the events.
 */
import type { SendResult, Transport } from './event-queue';
import type { TelemetryDocument } from './event-types';

/** Foxtrot bulk ingestion into table `storefront`. */
export const BULK_URL = '/foxtrot/v1/document/storefront/bulk';

export const beaconOrFetch: Transport = {
  send(documents: TelemetryDocument[], unloading: boolean): SendResult | Promise<SendResult> {
    const body = JSON.stringify(documents);
    if (unloading && typeof navigator.sendBeacon === 'function') {
      // false means the browser would not queue it (over its budget): keep the events for later.
      return navigator.sendBeacon(BULK_URL, new Blob([body], { type: 'application/json' })) ? 'sent' : 'failed';
    }
    return fetch(BULK_URL, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      keepalive: true,
    }).then(resultOf, () => 'failed' as const);
  },
};

// A 4xx other than 429 will be the same next time, so those events are dropped.
function resultOf(response: Response): SendResult {
  if (response.ok) return 'sent';
  return response.status >= 500 || response.status === 429 ? 'failed' : 'rejected';
}
