/**
 * This device's push subscription, page side: subscribing (after the browser's permission, which
 * must be asked from a tap), unsubscribing, and keeping the server's copy current (topics, the
 * categories viewed, a guest's wishlist).
 */
import type { PushDeviceList, PushKey, PushSubscriptionBody, PushTopic } from '../../../../shared/api-types';
import { apiRequest } from '../api/api-client';
import { parseGuestWishlist } from './guest-wishlist';
import { localTopics, readLocal, writeLocal } from './local-state';

/** The browser refused notifications (now or before). */
export class PushDeniedError extends Error {
  constructor() {
    super('Notifications are blocked for this site. Allow them in your browser\'s site settings to turn them on.');
    this.name = 'PushDeniedError';
  }
}

/**
 * Asks the browser's permission. Call it first thing in a tap's handler: Safari (and Chrome's
 * quieter prompts) grant the prompt only to a user gesture, which an earlier `await` would spend.
 */
export function requestPushPermission(): Promise<NotificationPermission> {
  return Notification.requestPermission();
}

/** The worker's registration, once it is active. */
async function registration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready;
}

/** This device's subscription, or null. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!('serviceWorker' in navigator)) return null;
  const existing = await navigator.serviceWorker.getRegistration();
  return existing?.pushManager ? existing.pushManager.getSubscription() : null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((byte, i) => byte === key[i]);
}

const signedIn = (): boolean => /(?:^|;\s*)sf_signed_in=1(?:;|$)/.test(document.cookie);

/** Sends the subscription with `topics` (and what segments and guest price drops need) to the server. */
async function tellServer(subscription: PushSubscription, topics: readonly PushTopic[]): Promise<PushDeviceList> {
  const json = subscription.toJSON();
  const body: PushSubscriptionBody = {
    endpoint: json.endpoint!,
    expirationTime: json.expirationTime ?? null,
    keys: { p256dh: json.keys!.p256dh!, auth: json.keys!.auth! },
    topics: [...topics],
    categories: readLocal<string[]>('categories', []),
    // A signed-in shopper's wishlist is on the server already.
    ...(signedIn() ? {} : { wishlist: parseGuestWishlist(document.cookie) }),
  };
  const answer = await apiRequest<PushDeviceList>('push/subscriptions', { method: 'POST', body });
  writeLocal('topics', [...topics].sort());
  return answer;
}

/**
 * Subscribes this device to `topics` (added to those it has). The permission must already be
 * granted: call `requestPushPermission()` in the tap first.
 */
export async function subscribePush(topics: readonly PushTopic[]): Promise<PushDeviceList> {
  if (Notification.permission !== 'granted') throw new PushDeniedError();
  const reg = await registration();
  const { publicKey } = await apiRequest<PushKey>('push/key');
  const key = keyBytes(publicKey);
  let subscription = await reg.pushManager.getSubscription();
  // A subscription made for another key (the shop's keys were replaced) cannot be sent to.
  if (subscription && !sameKey(subscription, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  const all = [...new Set([...(localTopics() ?? []), ...topics])];
  return tellServer(subscription, all);
}

/** Sets this device's topics (an empty list keeps the subscription but sends nothing). */
export async function setDeviceTopics(topics: readonly PushTopic[]): Promise<PushDeviceList | null> {
  const subscription = await currentSubscription();
  return subscription ? tellServer(subscription, topics) : null;
}

/** Stops push on this device: the browser's subscription and the server's copy. */
export async function unsubscribePush(): Promise<void> {
  const subscription = await currentSubscription();
  writeLocal('topics', null);
  if (!subscription) return;
  const endpoint = subscription.endpoint;
  await subscription.unsubscribe();
  await apiRequest<void>('push/subscriptions', { method: 'DELETE', body: { endpoint } });
}

/** Sends the server this device's current categories and guest wishlist, when it is subscribed. */
export async function refreshSubscription(): Promise<void> {
  const topics = localTopics();
  if (!topics || Notification.permission !== 'granted') return;
  const subscription = await currentSubscription();
  if (subscription) await tellServer(subscription, topics);
}
