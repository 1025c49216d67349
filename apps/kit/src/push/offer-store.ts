/**
 * The notifications offer on screen (if any): which moment asked, and how the shopper's answer is
 * going. A tiny store the offer card reads with `useSyncExternalStore`.
 */
import type { OfferMoment } from './offer-rules';
import type { PushAvailability } from './push-support';

export interface OfferShown {
  moment: OfferMoment;
  availability: PushAvailability;
  /** The product the moment was about (a repeat view wishlists it on "Turn on"). */
  productId?: string;
  status: 'asking' | 'working' | 'done' | 'failed';
  message?: string;
}

let shown: OfferShown | null = null;
const listeners = new Set<() => void>();

export const offerStore = {
  get: (): OfferShown | null => shown,
  set(next: OfferShown | null): void {
    shown = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
