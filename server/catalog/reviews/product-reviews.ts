/** A product's ratings split and its reviews, a page at a time, in the order the shopper picked. */
import type { Kysely } from 'kysely';
import type { Review, ReviewSort, ReviewsPage } from '../../../shared/api-types';
import type { Database } from '../../store/schema';
import { roundRating } from '../product-rows';
import { ratingBreakdown } from './rating-breakdown';

/** One page of `productId`'s reviews with the ratings split, or undefined when no product has this id. */
export async function getReviews(db: Kysely<Database>, productId: string, request: { sort: ReviewSort; page: number; pageSize: number }): Promise<ReviewsPage | undefined> {
  const product = await db.selectFrom('products').select(['id', 'rating', 'rating_count']).where('id', '=', productId).executeTakeFirst();
  if (!product) return undefined;
  let query = db.selectFrom('product_reviews').selectAll().where('product_id', '=', productId);
  switch (request.sort) {
    case 'helpful':
      query = query.orderBy('helpful', 'desc').orderBy('created_at', 'desc');
      break;
    case 'newest':
      query = query.orderBy('created_at', 'desc');
      break;
    case 'positive':
      query = query.orderBy('rating', 'desc').orderBy('helpful', 'desc');
      break;
    case 'negative':
      query = query.orderBy('rating', 'asc').orderBy('helpful', 'desc');
      break;
  }
  const [rows, total] = await Promise.all([
    // The id breaks ties, so pages never overlap.
    query.orderBy('id').limit(request.pageSize).offset((request.page - 1) * request.pageSize).execute(),
    db.selectFrom('product_reviews').select((eb) => eb.fn.countAll<number>().as('n')).where('product_id', '=', productId).executeTakeFirstOrThrow(),
  ]);
  const rating = roundRating(product.rating);
  const ratingCount = Number(product.rating_count);
  return {
    productId,
    rating,
    ratingCount,
    // The reviews there are to read (a store seeded before reviews claims more than it holds).
    reviewCount: Number(total.n),
    breakdown: ratingBreakdown(rating, ratingCount),
    ...request,
    total: Number(total.n),
    reviews: rows.map(
      (row): Review => ({
        id: row.id,
        rating: Number(row.rating),
        title: row.title,
        body: row.body,
        author: row.author,
        city: row.city,
        createdAt: new Date(Number(row.created_at)).toISOString(),
        helpful: Number(row.helpful),
        verified: Number(row.verified) === 1,
      }),
    ),
  };
}
