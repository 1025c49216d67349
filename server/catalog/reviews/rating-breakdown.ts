/**
 * How a product's ratings split over 5★ … 1★, from its average and count. The shop keeps only the
 * average and count of ratings (most ratings come without a review), so the split is drawn from a
 * bell over the stars whose centre is solved for that average: consistent, and the same every time.
 */

/** Ratings per star, 5★ first. */
export type Breakdown = Array<{ stars: 1 | 2 | 3 | 4 | 5; count: number }>;

const STARS = [5, 4, 3, 2, 1] as const;
const SPREAD = 1.1;

function weights(centre: number): number[] {
  return STARS.map((stars) => Math.exp(-((stars - centre) ** 2) / (2 * SPREAD ** 2)));
}

function meanOf(w: readonly number[]): number {
  const total = w.reduce((a, b) => a + b, 0);
  return w.reduce((sum, weight, i) => sum + weight * STARS[i]!, 0) / total;
}

/** The share of ratings at each star (5★ first) whose mean is `average` (1 to 5). */
export function starShares(average: number): number[] {
  const target = Math.min(4.95, Math.max(1.05, average));
  // The mean grows with the centre: bisect for the centre that gives the average.
  let low = -4;
  let high = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (meanOf(weights(mid)) < target) low = mid;
    else high = mid;
  }
  const w = weights((low + high) / 2);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((weight) => weight / total);
}

/** `count` ratings of average `average` split over the stars; the counts add up to `count`. */
export function ratingBreakdown(average: number, count: number): Breakdown {
  const shares = starShares(average);
  const counts = shares.map((share) => Math.floor(share * count));
  // Largest remainders get the ratings rounding left over.
  const order = shares.map((share, i) => ({ i, rest: share * count - counts[i]! })).sort((a, b) => b.rest - a.rest);
  for (let left = count - counts.reduce((a, b) => a + b, 0), k = 0; left > 0; left--, k++) counts[order[k % order.length]!.i]! += 1;
  return STARS.map((stars, i) => ({ stars, count: counts[i]! }));
}
