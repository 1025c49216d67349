/**
 * The moments that may offer notifications, and the shopper's answers. Pages call `offerPush`
 * right after a meaningful action (never on load); "Turn on" asks the browser from that tap;
 * "Not now" is remembered for four weeks. On iOS Safari in a tab the card coaches installing first.
 */
import { offerStore } from './offer-store';
import { countView, NOT_NOW_MS, OFFER_TEXTS, pushCategory, shouldOffer, type OfferMoment } from './offer-rules';
import { PushDeniedError, refreshSubscription, requestPushPermission, subscribePush } from './push-client';
import { localTopics, readLocal, writeLocal } from './local-state';
import { pushAvailability, readPushEnvironment } from './push-support';

/** Offers notifications after `moment`, when the rules allow (see offer-rules.ts). */
export function offerPush(moment: OfferMoment, context: { productId?: string } = {}): void {
  // Offline, subscribing cannot reach the push service: the moment passes without a question.
  if (typeof window === 'undefined' || !navigator.onLine) return;
  const availability = pushAvailability(readPushEnvironment());
  const state = { availability, subscribedTopics: localTopics(), notNowUntil: readLocal<number>('notNowUntil', 0), now: Date.now() };
  if (!shouldOffer(moment, state) || offerStore.get()) return;
  offerStore.set({ moment, availability, status: 'asking', ...context });
  // The card and its root are a chunk of their own: most visits never show it.
  import(/* webpackChunkName: "later-push-offer" */ './offer-root').then(({ mountOfferRoot }) => mountOfferRoot(), () => offerStore.set(null));
}

/** "Not now" (or "Got it" on the install coach): not asked again for four weeks. */
export function dismissOffer(): void {
  writeLocal('notNowUntil', Date.now() + NOT_NOW_MS);
  offerStore.set(null);
}

/**
 * "Turn on": must run in the tap's handler. Asks the browser first (that needs the tap), then
 * subscribes to the moment's topics; a repeat view also wishlists its product.
 */
export function acceptOffer(wishlist: (productId: string) => Promise<unknown>): void {
  const offer = offerStore.get();
  if (!offer) return;
  const permission = requestPushPermission();
  offerStore.set({ ...offer, status: 'working' });
  void (async () => {
    try {
      if ((await permission) !== 'granted') throw new PushDeniedError();
      await subscribePush(OFFER_TEXTS[offer.moment].topics);
      if (offer.moment === 'repeat-view' && offer.productId) await wishlist(offer.productId);
      offerStore.set({ ...offer, status: 'done', message: 'Notifications are on. Change them any time under My account › Notifications.' });
    } catch (error) {
      if (error instanceof PushDeniedError) writeLocal('notNowUntil', Date.now() + NOT_NOW_MS);
      offerStore.set({ ...offer, status: 'failed', message: error instanceof PushDeniedError ? error.message : 'Could not turn on notifications. Please try again later.' });
    }
  })();
}

/** Counts a product view; the second view of the same product is a moment to offer price drops. */
export function noteProductView(product: { id: string; categorySlug: string }): void {
  const { counts, second } = countView(readLocal<Record<string, number>>('views', {}), product.id);
  writeLocal('views', counts);
  noteCategoryView(product.categorySlug);
  if (second) offerPush('repeat-view', { productId: product.id });
}

/** Remembers a viewed category (for campaign segments) and tells the server when it is new. */
export function noteCategoryView(slug: string): void {
  const before = readLocal<string[]>('categories', []);
  const after = pushCategory(before, slug);
  if (after.join() === before.join()) return;
  writeLocal('categories', after);
  if (!before.includes(slug)) void refreshSubscription().catch(() => undefined);
}
