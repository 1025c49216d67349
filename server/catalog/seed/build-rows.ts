/** Turns category drafts into store rows: prices in paise, ratings, stock, variants, offers and images. */
import type { Insertable } from 'kysely';
import { discountPercent, priceAfterDiscount } from '../../../shared/price';
import type { ImageSpec } from '../images/image-spec';
import type { ProductReviewsTable, ProductsTable, ProductVariantsTable } from '../tables';
import { shopPrice, slugify, type ProductDraft } from './draft';
import { makeOffers } from './offers';
import type { Random } from './random';
import { makeReviews } from './reviews';

/** The demo catalog's "today": fixed, so every seed produces the same rows. */
export const SEED_EPOCH = Date.UTC(2025, 5, 1);
const DAY = 24 * 60 * 60 * 1000;

export interface SeedRows {
  product: ProductsTable;
  variants: Array<Insertable<ProductVariantsTable>>;
  reviews: ProductReviewsTable[];
}

/** Builds the rows of one product; `usedIds` keeps ids unique across the whole catalog; `familyId` comes from `assignFamilies`. */
export function buildRows(random: Random, draft: ProductDraft, categorySlug: string, usedIds: Set<string>, familyId: string | null = null): SeedRows {
  let id = `itm${random.hex(13)}`;
  while (usedIds.has(id)) id = `itm${random.hex(13)}`;
  usedIds.add(id);

  const mrp = shopPrice(draft.mrpRupees) * 100;
  const price = priceAfterDiscount(mrp, random.int(draft.discount[0], draft.discount[1]));
  // Skewed towards good ratings, as in real shops; one decimal like the stars shown.
  const rating = Math.round((3 + 1.8 * random.next() ** 0.6) * 10) / 10;
  const ratingCount = Math.round(10 ** (1 + random.next() * 4));
  const soldOut = random.chance(0.06);

  const variants = makeVariants(random, draft, id, soldOut);
  const stock = variants.length > 0 ? variants.reduce((sum, v) => sum + v.stock, 0) : soldOut ? 0 : random.int(1, 300);
  const images: ImageSpec = {
    kind: draft.image.kind,
    ...(draft.image.label ? { label: draft.image.label } : {}),
    ...(draft.image.sublabel ? { sublabel: draft.image.sublabel } : {}),
    // The listing's own colour only: another colour is another listing of the family, with its own pictures.
    shots: [
      { hex: draft.colours[0].hex, view: 0 as const, alt: draft.title },
      { hex: draft.colours[0].hex, view: 1 as const, alt: `${draft.title}, another view` },
    ],
  };

  const createdAt = SEED_EPOCH - random.int(0, 365 * DAY);
  const reviews = makeReviews({ id, category_slug: categorySlug, rating, rating_count: ratingCount, created_at: createdAt }, SEED_EPOCH);
  return {
    product: {
      id,
      slug: slugify(draft.title),
      title: draft.title,
      brand: draft.brand,
      category_slug: categorySlug,
      description: draft.description,
      mrp,
      price,
      discount_percent: discountPercent(mrp, price),
      rating,
      rating_count: ratingCount,
      // What the page claims is what it can show: the reviews the store holds.
      review_count: reviews.length,
      stock,
      assured: rating >= 3.8 && random.chance(0.65) ? 1 : 0,
      created_at: createdAt,
      highlights: JSON.stringify(draft.highlights),
      specifications: JSON.stringify(draft.specifications),
      offers: JSON.stringify(makeOffers(random, price, draft.bigTicket ?? false)),
      images: JSON.stringify(images),
      family_id: familyId,
      family_attributes: JSON.stringify(familyId ? (draft.family?.attributes ?? []) : []),
    },
    variants,
    reviews,
  };
}

/** A listing's sizes, all in its one colour: the only choice left on its own page (decisions/0010). */
function makeVariants(random: Random, draft: ProductDraft, productId: string, soldOut: boolean): SeedRows['variants'] {
  const colour = draft.colours[0];
  return draft.sizes.map((size, position) => ({
    id: `${productId}-v${position}`,
    product_id: productId,
    color: colour.name,
    color_hex: colour.hex,
    size,
    // Some sizes sell out first; a sold-out product has none of any.
    stock: soldOut || random.chance(0.15) ? 0 : random.int(1, 60),
    position,
  }));
}
