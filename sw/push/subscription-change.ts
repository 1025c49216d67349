/**
 * `pushsubscriptionchange`: the push service renewed or dropped this device's subscription. The
 * worker subscribes again (with the shop's key) and tells the server, keeping the topics the
 * server knows for this device; the server replaces the old subscription with the new one.
 */
import type { PushDeviceList, PushKey, PushSubscriptionBody } from '../../shared/api-types';

declare const self: ServiceWorkerGlobalScope;

interface SubscriptionChangeEvent extends ExtendableEvent {
  readonly newSubscription: PushSubscription | null;
  readonly oldSubscription: PushSubscription | null;
}

export function listenForSubscriptionChanges(): void {
  self.addEventListener('pushsubscriptionchange', ((event: SubscriptionChangeEvent) => {
    event.waitUntil(renew(event.newSubscription));
  }) as EventListener);
}

async function renew(given: PushSubscription | null): Promise<void> {
  const devices = await getJson<PushDeviceList>('/api/push/subscriptions');
  const current = devices?.devices.find((device) => device.current);
  // The server does not know this device (it unsubscribed): nothing to keep alive.
  if (!current) return;
  let subscription = given;
  if (!subscription) {
    const key = await getJson<PushKey>('/api/push/key');
    if (!key) return;
    subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key.publicKey });
  }
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) return;
  const body: PushSubscriptionBody = { endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth }, topics: current.topics };
  await fetch('/api/push/subscriptions', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
}

async function getJson<T>(url: string): Promise<T | null> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}
