/**
 * Prices order lines from the catalog as it is now: title, picture, today's unit price and MRP, and
 * how many units are left. Never from the client: what the client sent is only compared.
 */
import type { Kysely } from 'kysely';
import type { CheckoutLine, LineVariant, ProductImage } from '../../shared/api-types';
import { pictureFor } from '../catalog/product-rows';
import { preparedQuery, type PreparedQuery } from '../store/prepared-query';
import type { Database } from '../store/schema';

/** A line as a client or the cart names it. */
export interface LineInput {
  productId: string;
  /** `''` for a product without variants. */
  variantId: string;
  quantity: number;
  /** The unit price the shopper saw, when the client sends one. */
  unitPrice?: number | undefined;
}

/** A priced line, plus what only the server sees: the units left. */
export interface PricedLine extends CheckoutLine {
  available: number;
}

/** Why a line cannot be priced at all. */
export interface LineProblem {
  productId: string;
  variantId: string;
  problem: 'unknown-product' | 'variant-required' | 'unknown-variant';
}

type IdList = Record<`id${number}`, string>;
const productsOf: Array<PreparedQuery<IdList, { id: string; title: string; price: number; mrp: number; stock: number; images: string }>> = [];
const variantsOfProducts: Array<PreparedQuery<IdList, { id: string; product_id: string; color: string; size: string; stock: number }>> = [];
const idList = (count: number) => Array.from({ length: count }, (_, i) => `id${i}` as const);
const listValues = (ids: readonly string[]): IdList => Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));

/** Products whose pictures are remembered before starting over (the catalog holds a few thousand). */
const REMEMBERED_PRODUCTS = 10_000;
const pictures = new Map<string, { images: string; byColor: Map<string, ProductImage> }>();

/**
 * `pictureFor`, remembered per product while its `images` text stays the same: parsing and
 * checking that text (JSON and its schema) for every line of every order was 3 % of an order's
 * CPU (decisions/0037). The picture is frozen, as it is shared by every line that shows it.
 */
function pictureOf(product: { id: string; images: string }, color: string | null): ProductImage {
  let known = pictures.get(product.id);
  if (known?.images !== product.images) {
    if (pictures.size >= REMEMBERED_PRODUCTS) pictures.clear();
    pictures.set(product.id, (known = { images: product.images, byColor: new Map() }));
  }
  const key = color ?? '';
  let picture = known.byColor.get(key);
  if (!picture) known.byColor.set(key, (picture = deepFreeze(pictureFor(product, color))));
  return picture;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Every order prices its lines: both reads are compiled once per number of products (store/prepared-query.ts). */
function pricingQueries(count: number) {
  const products = (productsOf[count] ??= preparedQuery((db, p: IdList) =>
    db.selectFrom('products').select(['id', 'title', 'price', 'mrp', 'stock', 'images']).where('id', 'in', idList(count).map((name) => p[name]!)),
  ));
  const variants = (variantsOfProducts[count] ??= preparedQuery((db, p: IdList) =>
    db.selectFrom('product_variants').select(['id', 'product_id', 'color', 'size', 'stock']).where('product_id', 'in', idList(count).map((name) => p[name]!)),
  ));
  return { products, variants };
}

/** Prices `inputs` in order; lines that name nothing in the catalog come back as problems. */
export async function priceLines(db: Kysely<Database>, inputs: readonly LineInput[]): Promise<{ lines: PricedLine[]; problems: LineProblem[] }> {
  if (inputs.length === 0) return { lines: [], problems: [] };
  const productIds = [...new Set(inputs.map((line) => line.productId))];
  const queries = pricingQueries(productIds.length);
  const ids = listValues(productIds);
  const products = new Map((await queries.products(db, ids)).rows.map((row) => [row.id, row]));
  // Every variant of the products, not just the ones named: a product with variants needs one chosen.
  const variantRows = (await queries.variants(db, ids)).rows;
  const variantsOf = new Map<string, typeof variantRows>();
  for (const row of variantRows) variantsOf.set(row.product_id, [...(variantsOf.get(row.product_id) ?? []), row]);

  const lines: PricedLine[] = [];
  const problems: LineProblem[] = [];
  for (const input of inputs) {
    const { productId, variantId, quantity } = input;
    const product = products.get(productId);
    if (!product) {
      problems.push({ productId, variantId, problem: 'unknown-product' });
      continue;
    }
    const variants = variantsOf.get(productId) ?? [];
    let variant: LineVariant | null = null;
    let available = Number(product.stock);
    if (variants.length > 0 || variantId !== '') {
      if (variantId === '') {
        problems.push({ productId, variantId, problem: 'variant-required' });
        continue;
      }
      const row = variants.find((v) => v.id === variantId);
      if (!row) {
        problems.push({ productId, variantId, problem: 'unknown-variant' });
        continue;
      }
      variant = { color: row.color, size: row.size === '' ? null : row.size };
      available = Number(row.stock);
    }
    const unitPrice = Number(product.price);
    const mrp = Number(product.mrp);
    const changed: NonNullable<CheckoutLine['changed']> = {};
    if (input.unitPrice !== undefined && input.unitPrice !== unitPrice) changed.price = { was: input.unitPrice, now: unitPrice };
    if (available < quantity) changed.stock = { wanted: quantity, available: Math.max(available, 0) };
    lines.push({
      productId,
      variantId,
      title: product.title,
      image: pictureOf(product, variant?.color ?? null),
      variant,
      quantity,
      unitPrice,
      mrp,
      lineTotal: unitPrice * quantity,
      inStock: available >= quantity,
      ...(changed.price || changed.stock ? { changed } : {}),
      available,
    });
  }
  return { lines, problems };
}
