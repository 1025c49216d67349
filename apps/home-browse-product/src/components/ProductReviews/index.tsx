/**
 * "Ratings & Reviews": the average, how the ratings split over the stars, and the reviews a page at
 * a time ("Show more"), most helpful first or in the order the shopper picks.
 */
import { apiRequest, Button, RatingPill, useApi, type Review, type ReviewSort, type ReviewsPage } from '@storefront/kit';
import { useEffect, useState } from 'react';
import './product-reviews.css';

const PAGE_SIZE = 5;
const SORTS: ReadonlyArray<{ value: ReviewSort; label: string }> = [
  { value: 'helpful', label: 'Most helpful' },
  { value: 'newest', label: 'Newest' },
  { value: 'positive', label: 'Positive first' },
  { value: 'negative', label: 'Negative first' },
];

const reviewsPath = (productId: string, sort: ReviewSort, page: number): string =>
  `catalog/products/${productId}/reviews?sort=${sort}&page=${page}&pageSize=${PAGE_SIZE}`;

function Breakdown({ page }: { page: ReviewsPage }): React.ReactNode {
  const most = Math.max(1, ...page.breakdown.map((b) => b.count));
  return (
    <div className="rv-summary">
      <div className="rv-average">
        <p className="rv-average-number">
          {page.rating.toFixed(1)}
          <span aria-hidden="true">★</span>
        </p>
        <p className="rv-average-counts">
          {page.ratingCount.toLocaleString('en-IN')} ratings and {page.reviewCount.toLocaleString('en-IN')} reviews
        </p>
      </div>
      <ul className="rv-bars" aria-label="How the ratings split">
        {page.breakdown.map(({ stars, count }) => (
          <li key={stars} className="rv-bar-row">
            <span className="rv-bar-stars">
              {stars}
              <span aria-hidden="true">★</span>
              <span className="sr-only"> stars:</span>
            </span>
            <span className={`rv-bar rv-bar-${stars}`} aria-hidden="true">
              <span style={{ width: `${(count / most) * 100}%` }} />
            </span>
            <span className="rv-bar-count">{count.toLocaleString('en-IN')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReviewItem({ review }: { review: Review }): React.ReactNode {
  const date = new Date(review.createdAt).toLocaleDateString('en-IN', { month: 'short', year: 'numeric' });
  return (
    <li className="rv-item" data-testid="review">
      <p className="rv-item-head">
        <RatingPill rating={review.rating} />
        <strong>{review.title}</strong>
      </p>
      <p className="rv-item-body">{review.body}</p>
      <p className="rv-item-meta">
        {review.author}, {review.city}
        {review.verified && <span className="rv-verified"> · Certified Buyer</span>} · {date}
        {review.helpful > 0 && <span> · {review.helpful} found this helpful</span>}
      </p>
    </li>
  );
}

/** Loads after the product (below the fold), so it never delays or shifts what is above it. */
export function ProductReviews({ productId }: { productId: string }): React.ReactNode {
  const [sort, setSort] = useState<ReviewSort>('helpful');
  const first = useApi<ReviewsPage>(reviewsPath(productId, sort, 1));
  const [more, setMore] = useState<Review[]>([]);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setMore([]);
    setPage(1);
    setFailed(false);
  }, [productId, sort]);

  if (first.status === 'error') return null;
  const data = first.status === 'ready' ? first.data : null;
  const reviews = data ? [...data.reviews, ...more] : [];
  const hasMore = data !== null && reviews.length < data.total;

  const loadMore = (): void => {
    setLoading(true);
    setFailed(false);
    apiRequest<ReviewsPage>(reviewsPath(productId, sort, page + 1)).then(
      (next) => {
        setMore((shown) => [...shown, ...next.reviews]);
        setPage(page + 1);
        setLoading(false);
      },
      () => {
        setLoading(false);
        setFailed(true);
      },
    );
  };

  return (
    <section className="pd card rv" aria-labelledby="rv-title" data-testid="reviews">
      <div className="rv-head">
        <h2 id="rv-title" className="pd-title">
          Ratings &amp; Reviews
        </h2>
        <label className="rv-sort">
          <span className="sr-only">Order reviews by</span>
          <select value={sort} onChange={(event) => setSort(event.target.value as ReviewSort)} data-testid="review-sort">
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data ? <Breakdown page={data} /> : <div className="rv-summary rv-loading" aria-busy="true" />}
      <ul className="rv-list" aria-label="Reviews">
        {reviews.map((review) => (
          <ReviewItem key={review.id} review={review} />
        ))}
      </ul>
      {data && (
        <p className="rv-shown" aria-live="polite" data-testid="reviews-shown">
          {reviews.length} of {data.total} reviews
        </p>
      )}
      {failed && <p role="alert">Could not load more reviews. Please try again.</p>}
      {hasMore && (
        <Button variant="outline" block onClick={loadMore} disabled={loading} data-testid="reviews-more">
          {loading ? 'Loading…' : 'Show more reviews'}
        </Button>
      )}
    </section>
  );
}
