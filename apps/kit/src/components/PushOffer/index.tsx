/**
 * The notifications offer: what the shopper gets, "Turn on" and "Not now". On iOS Safari in a tab
 * it is an install coach instead (Share, then Add to Home Screen): push reaches only the installed app.
 */
import { OFFER_TEXTS } from '../../push/offer-rules';
import type { OfferShown } from '../../push/offer-store';
import { Button } from '../Button';
import './push-offer.css';

export interface PushOfferProps {
  offer: OfferShown;
  onAccept(): void;
  onDismiss(): void;
  onClose(): void;
}

export function PushOffer({ offer, onAccept, onDismiss, onClose }: PushOfferProps): React.ReactNode {
  if (offer.status === 'done' || offer.status === 'failed') {
    return (
      <section className="push-offer card" role="status" data-testid="push-offer-result">
        <p className="push-offer-text">{offer.message}</p>
        <div className="push-offer-actions">
          <Button variant="outline" onClick={onClose} data-testid="push-offer-close">
            OK
          </Button>
        </div>
      </section>
    );
  }
  if (offer.availability === 'install-first') return <InstallCoach onDismiss={onDismiss} />;
  const text = OFFER_TEXTS[offer.moment];
  return (
    <section className="push-offer card" aria-labelledby="push-offer-title" data-testid="push-offer">
      <h2 id="push-offer-title" className="push-offer-title">
        {text.title}
      </h2>
      <p className="push-offer-text">{text.text}</p>
      <div className="push-offer-actions">
        <Button variant="outline" onClick={onDismiss} data-testid="push-offer-dismiss">
          Not now
        </Button>
        <Button onClick={onAccept} disabled={offer.status === 'working'} data-testid="push-offer-accept">
          Turn on
        </Button>
      </div>
    </section>
  );
}

/** iOS: notifications work once the shop is on the Home Screen and opened from there. */
function InstallCoach({ onDismiss }: { onDismiss(): void }): React.ReactNode {
  return (
    <section className="push-offer card" aria-labelledby="push-coach-title" data-testid="push-install-coach">
      <h2 id="push-coach-title" className="push-offer-title">
        Get notifications on your iPhone
      </h2>
      <ol className="push-coach-steps">
        <li>
          Tap <ShareIcon /> <strong>Share</strong> in Safari&apos;s toolbar.
        </li>
        <li>
          Choose <strong>Add to Home Screen</strong>.
        </li>
        <li>Open Storefront from your Home Screen and turn notifications on there.</li>
      </ol>
      <div className="push-offer-actions">
        <Button variant="outline" onClick={onDismiss} data-testid="push-coach-dismiss">
          Got it
        </Button>
      </div>
    </section>
  );
}

function ShareIcon(): React.ReactNode {
  return (
    <svg className="push-coach-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" d="M12 3v12M8 7l4-4 4 4M6 11H5v10h14V11h-1" />
    </svg>
  );
}
