/**
 * The worker's own telemetry: PUSH_RECEIVED and PUSH_CLICKED into table `storefront`, posted at
 * once (the worker may be stopped right after the event), in the same document shape the pages use.
 */
declare const self: ServiceWorkerGlobalScope;

export type WorkerEvent = 'PUSH_RECEIVED' | 'PUSH_CLICKED';

/** Fields of a push that say what it was about: kind and ids, never its text. */
export function pushFields(data: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of ['kind', 'campaignId', 'productId', 'orderId', 'status']) {
    const value = data[key];
    if (typeof value === 'string' && value.length <= 80) fields[key] = value;
  }
  return fields;
}

/** Posts one event; a failure (offline) is dropped, as the worker has no queue of its own. */
export async function sendWorkerEvent(eventType: WorkerEvent, release: string, fields: Record<string, string>): Promise<void> {
  const doc = {
    id: crypto.randomUUID(),
    timestamp: Date.now(),
    data: { ...fields, eventType, app: 'sw', release, routeType: 'sw', online: navigator.onLine },
  };
  try {
    await fetch('/foxtrot/v1/document/storefront', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc), keepalive: true });
  } catch {
    // Telemetry never gets in the way of showing or opening a notification.
  }
}
