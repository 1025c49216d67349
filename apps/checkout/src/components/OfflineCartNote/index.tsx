/**
 * Offline, over the cart: it is the cart as this phone last saw it (and when), so prices and stock
 * may have moved; changes wait for the network; and the pages that open offline are one tap away.
 */
import { findOfflinePages, type OfflinePage } from '@storefront/kit';
import { useEffect, useState } from 'react';
import { lastUpdatedLabel } from '../../cart/last-updated';
import { OfflineNote } from '../OfflineNote';
import './offline-cart-note.css';

export interface OfflineCartNoteProps {
  /** When the server last answered this cart (ms), if known. */
  seenAt: number | null;
  /** The cart's products, offered first when their pages are cached. */
  productIds: readonly string[];
}

/** The note and the links; the time label moves on each minute while it is shown. */
export function OfflineCartNote({ seenAt, productIds }: OfflineCartNoteProps): React.ReactNode {
  const [now, setNow] = useState(() => Date.now());
  const [pages, setPages] = useState<OfflinePage[]>([]);
  const ids = productIds.join(',');
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    let cancelled = false;
    void findOfflinePages(ids.split(',').filter(Boolean)).then((found) => !cancelled && setPages(found));
    return () => {
      cancelled = true;
    };
  }, [ids]);

  return (
    <div className="ocn" data-testid="offline-cart-note">
      <OfflineNote>
        You’re offline. This is your cart as last seen on this phone: prices and stock may be out of date.{' '}
        {seenAt !== null && <strong className="ocn-when">{lastUpdatedLabel(seenAt, now)}.</strong>} Changes are saved here and sent when you’re back online.
      </OfflineNote>
      {pages.length > 0 && (
        <nav className="ocn-pages" aria-label="Pages you can open offline">
          <span className="ocn-pages-title">Open offline:</span>
          <ul>
            {pages.map((page) => (
              <li key={page.href}>
                {/* Full navigations: these pages belong to the main app, and the worker answers them. */}
                <a href={page.href}>{page.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
