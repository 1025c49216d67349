/**
 * When the shop offers notifications, and what it says. Never on page load: only right after a
 * meaningful action (a wishlisted product, a placed order, a product viewed a second time), in
 * words about what the shopper gets; a "not now" holds for four weeks. Pure, so it is unit-tested.
 */
import type { PushTopic } from '../../../../shared/api-types';
import type { PushAvailability } from './push-support';

export type OfferMoment = 'wishlist' | 'order' | 'repeat-view';

/** How long a "not now" is kept. */
export const NOT_NOW_MS = 28 * 24 * 3600_000;

export interface OfferText {
  title: string;
  text: string;
  /** The topics a "Turn on" subscribes to. */
  topics: PushTopic[];
}

/** What each moment offers, in the shopper's terms. */
export const OFFER_TEXTS: Record<OfferMoment, OfferText> = {
  wishlist: {
    title: 'Know when the price drops',
    text: 'Get a notification when something on your wishlist gets cheaper or is back in stock.',
    topics: ['price_drop', 'back_in_stock'],
  },
  order: {
    title: 'Follow your order',
    text: 'Get a notification when your order ships and when it is out for delivery.',
    topics: ['order_updates'],
  },
  'repeat-view': {
    title: 'Waiting for a better price?',
    text: 'We will add this to your wishlist and tell you when its price drops.',
    topics: ['price_drop', 'back_in_stock'],
  },
};

export interface OfferState {
  availability: PushAvailability;
  /** This device already gets the moment's topics. */
  subscribedTopics: readonly PushTopic[] | null;
  /** Until when a "not now" holds (ms since the epoch), or 0. */
  notNowUntil: number;
  now: number;
}

/** Whether to show the offer after `moment`. */
export function shouldOffer(moment: OfferMoment, state: OfferState): boolean {
  if (state.availability === 'unsupported' || state.availability === 'denied') return false;
  if (state.now < state.notNowUntil) return false;
  const wanted = OFFER_TEXTS[moment].topics;
  return !(state.subscribedTopics && wanted.every((topic) => state.subscribedTopics!.includes(topic)));
}

/** View counts after viewing `productId`: the second view of a product is the moment. */
export function countView(counts: Readonly<Record<string, number>>, productId: string, max = 50): { counts: Record<string, number>; second: boolean } {
  const next = { ...counts, [productId]: (counts[productId] ?? 0) + 1 };
  const ids = Object.keys(next);
  // Forget the oldest once the list is long: insertion order is view order.
  for (const id of ids.slice(0, Math.max(0, ids.length - max))) if (id !== productId) delete next[id];
  return { counts: next, second: next[productId] === 2 };
}

/** Categories viewed, most recent first, without repeats. */
export function pushCategory(list: readonly string[], slug: string, max = 10): string[] {
  return [slug, ...list.filter((other) => other !== slug)].slice(0, max);
}
