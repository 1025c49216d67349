/**
 * Server-side order events into telemetry table `server`, through the same buffered writer as the
 * API timings (never on the response's time). The checkout funnel itself is the apps' to report.
 */
import type { ServerDeps } from '../deps';
import { apiTimingRecorder } from '../telemetry/api-timing';

export type OrderEventType = 'ORDER_PLACED' | 'ORDER_FAILED' | 'ORDER_CANCELLED' | 'ORDER_STATUS_CHANGED' | 'PAYMENT_SETTLED';

/** Records one order event for the server table. */
export function recordOrderEvent(deps: ServerDeps, eventType: OrderEventType, data: Record<string, unknown>): void {
  apiTimingRecorder(deps).record({ ...data, eventType }, deps.now());
}
