/** Maps store rows onto the wire types of the API (ProductSummary, Product, Variant). */
import type { Selectable } from 'kysely';
import type { ListingAttribute, Offer, Product, ProductFamily, ProductImage, ProductSummary, Variant } from '../../shared/api-types';
import { photoUrl } from '../../shared/product-images';
import { imageUrl, parseImageSpec, type ImageSpec } from './images/image-spec';
import type { ProductsTable, ProductVariantsTable } from './tables';

/** Columns a ProductSummary is made of; select exactly these for grids and lists. */
export const SUMMARY_COLUMNS = [
  'products.id', 'products.slug', 'products.title', 'products.brand', 'products.category_slug', 'products.mrp',
  'products.price', 'products.discount_percent', 'products.rating', 'products.rating_count', 'products.stock',
  'products.assured', 'products.images',
] as const;

export type SummaryRow = Pick<
  ProductsTable,
  'id' | 'slug' | 'title' | 'brand' | 'category_slug' | 'mrp' | 'price' | 'discount_percent' | 'rating' | 'rating_count' | 'stock' | 'assured' | 'images'
>;

/** Every image of a product, as same-origin URLs. */
export function productImages(row: Pick<ProductsTable, 'id' | 'images'>): ProductImage[] {
  return parseImageSpec(row.images).shots.map((shot, index) => wireImage(row.id, shot, index));
}

/** A shot as the API shows it: its processed photo when there is one, else its drawing. */
function wireImage(productId: string, shot: ImageSpec['shots'][number], index: number): ProductImage {
  if (!shot.photo) return { url: imageUrl(productId, index), alt: shot.alt };
  const { key, width, height, widths, placeholder } = shot.photo;
  return { url: photoUrl(shot.photo, widths[0]!, 'webp'), alt: shot.alt, photo: { key, width, height, widths, placeholder } };
}

/**
 * The swatch of a variant colour: the shade a photo shows of it (the photo of that colour first,
 * else the closest pick of any photo), or undefined when no photo shows it.
 */
export function photoSwatch(spec: ImageSpec, colour: string): string | undefined {
  const suffix = ` in ${colour}`.toLowerCase();
  const own = spec.shots.find((shot) => shot.alt.toLowerCase().endsWith(suffix))?.photo?.swatches[colour];
  if (own) return own.hex;
  const picks = spec.shots.flatMap((shot) => shot.photo?.swatches[colour] ?? []);
  return picks.sort((x, y) => x.deltaE - y.deltaE)[0]?.hex;
}

/** The picture of a product in the colour a shopper picked (its first picture when none shows that colour). */
export function pictureFor(row: Pick<ProductsTable, 'id' | 'images'>, color: string | null): ProductImage {
  const images = productImages(row);
  const suffix = color ? ` in ${color}`.toLowerCase() : null;
  return (suffix ? images.find((image) => image.alt.toLowerCase().endsWith(suffix)) : undefined) ?? images[0]!;
}

/** The grid and cart view of a product. */
export function toSummary(row: SummaryRow): ProductSummary {
  const first = parseImageSpec(row.images).shots[0]!;
  const image = wireImage(row.id, first, 0);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    brand: row.brand,
    categorySlug: row.category_slug,
    mrp: Number(row.mrp),
    price: Number(row.price),
    discountPercent: Number(row.discount_percent),
    rating: roundRating(row.rating),
    ratingCount: Number(row.rating_count),
    image,
    inStock: Number(row.stock) > 0,
    assured: Number(row.assured) === 1,
  };
}

/** A variant as the API shows it; a one-size variant has `size: null`. */
export function toVariant(row: Selectable<ProductVariantsTable>): Variant {
  return { id: row.id, color: row.color, colorHex: row.color_hex, size: row.size === '' ? null : row.size, stock: Number(row.stock) };
}

/**
 * The attributes a row keeps in `family_attributes`; given the row's images, a colour's swatch is
 * the shade its photo shows (the typed value when no photo shows it).
 */
export function listingAttributes(row: Pick<ProductsTable, 'family_attributes'> & Partial<Pick<ProductsTable, 'images'>>): ListingAttribute[] {
  const attributes = JSON.parse(row.family_attributes ?? '[]') as ListingAttribute[];
  if (row.images === undefined || !attributes.some((attribute) => attribute.swatch)) return attributes;
  const spec = parseImageSpec(row.images);
  return attributes.map((attribute) => (attribute.swatch ? { ...attribute, swatch: photoSwatch(spec, attribute.value) ?? attribute.swatch } : attribute));
}

/** The product page view: the summary plus description, images, variants, offers, specifications and family. */
export function toProduct(row: Selectable<ProductsTable>, variants: Array<Selectable<ProductVariantsTable>>, family: ProductFamily | null = null): Product {
  const spec = parseImageSpec(row.images);
  return {
    ...toSummary(row),
    description: row.description,
    highlights: JSON.parse(row.highlights) as string[],
    images: productImages(row),
    variants: variants.map((variant) => {
      const shown = toVariant(variant);
      return { ...shown, colorHex: photoSwatch(spec, variant.color) ?? shown.colorHex };
    }),
    offers: JSON.parse(row.offers) as Offer[],
    specifications: JSON.parse(row.specifications) as Product['specifications'],
    reviewCount: Number(row.review_count),
    stock: Number(row.stock),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    attributes: listingAttributes(row),
    family,
  };
}

/** One decimal, as the stars show; PostgreSQL's `real` comes back as 4.300000190734863. */
export function roundRating(rating: number): number {
  return Math.round(Number(rating) * 10) / 10;
}
