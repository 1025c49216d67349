/**
 * The offer card lives in a small React root of its own, mounted the first time a moment offers
 * notifications, so it never touches the hydrated page.
 */
import { useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { PushOffer } from '../components/PushOffer';
import { addToWishlist } from '../wishlist/wishlist-store';
import { acceptOffer, dismissOffer } from './offer';
import { offerStore } from './offer-store';

function OfferCard(): React.ReactNode {
  const offer = useSyncExternalStore(offerStore.subscribe, offerStore.get, () => null);
  if (!offer) return null;
  return <PushOffer offer={offer} onAccept={() => acceptOffer(addToWishlist)} onDismiss={dismissOffer} onClose={() => offerStore.set(null)} />;
}

let mounted = false;

/** Mounts the offer's root once. */
export function mountOfferRoot(): void {
  if (mounted) return;
  mounted = true;
  const host = document.createElement('div');
  host.id = 'push-offer';
  document.body.append(host);
  createRoot(host).render(<OfferCard />);
}
