/** The pictures of empty states: each situation its own, so "no orders" never looks like "page not found". */

/** Which picture an empty state shows. */
export type EmptyArt = 'lost' | 'orders';

/** A puzzled box: nothing here (not found, no results, an error). */
function LostArt(): React.ReactNode {
  return (
    <>
      <rect x="14" y="22" width="92" height="62" rx="6" fill="#e3ebfd" />
      <path d="M30 22l10-14h40l10 14" fill="none" stroke="#2874f0" strokeWidth="4" strokeLinejoin="round" />
      <circle cx="48" cy="50" r="4" fill="#2874f0" />
      <circle cx="72" cy="50" r="4" fill="#2874f0" />
      <path d="M46 68q14-10 28 0" fill="none" stroke="#2874f0" strokeWidth="4" strokeLinecap="round" />
    </>
  );
}

/** A parcel beside a blank order slip: nothing ordered yet, and a hint of what will show. */
function OrdersArt(): React.ReactNode {
  return (
    <>
      <ellipse cx="60" cy="88" rx="46" ry="5" fill="#e3ebfd" />
      <path d="M12 40l26-12 26 12v34L38 86 12 74z" fill="#f6d9a8" stroke="#b7791f" strokeWidth="2" strokeLinejoin="round" />
      <path d="M12 40l26 12 26-12M38 52v34" fill="none" stroke="#b7791f" strokeWidth="2" strokeLinejoin="round" />
      <path d="M24 34l26 12v10" fill="none" stroke="#fff" strokeWidth="4" />
      <rect x="70" y="14" width="38" height="58" rx="4" fill="#fff" stroke="#2874f0" strokeWidth="3" />
      <path d="M78 28h22M78 38h22M78 48h14" stroke="#9bb8f0" strokeWidth="4" strokeLinecap="round" />
      <circle cx="96" cy="62" r="10" fill="#2874f0" />
      <path d="M91 62l4 4 6-7" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </>
  );
}

/** The SVG of one empty-state picture (decorative: the heading says what it means). */
export function EmptyIllustration({ art }: { art: EmptyArt }): React.ReactNode {
  return (
    <svg className="empty-art" viewBox="0 0 120 96" width="120" height="96" aria-hidden="true" data-art={art}>
      {art === 'orders' ? <OrdersArt /> : <LostArt />}
    </svg>
  );
}
