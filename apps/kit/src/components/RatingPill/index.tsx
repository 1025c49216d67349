/** The green "4.3 ★" pill, with the number of ratings beside it. */
import './rating-pill.css';

export interface RatingPillProps {
  rating: number;
  count?: number;
  /** Extra class on the outer element (a card sizes the line with it, without a wrapper of its own). */
  className?: string;
}

/** A rating out of 5; the pill's colour warns about poorly rated products. */
export function RatingPill({ rating, count, className }: RatingPillProps): React.ReactNode {
  const tone = rating >= 3.5 ? 'good' : rating >= 2.5 ? 'fair' : 'poor';
  return (
    <span className={className ? `rating ${className}` : 'rating'}>
      <span className={`rating-pill rating-${tone}`}>
        <span className="sr-only">Rated </span>
        {rating.toFixed(1)}
        <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
          <path fill="currentColor" d="M6 .6l1.7 3.5 3.8.5-2.8 2.7.7 3.8L6 9.3 2.6 11.1l.7-3.8L.5 4.6l3.8-.5z" />
        </svg>
        <span className="sr-only"> out of 5</span>
      </span>
      {count !== undefined && <span className="rating-count">({count.toLocaleString('en-IN')})</span>}
    </span>
  );
}
