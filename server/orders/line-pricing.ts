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

/** A product of the lines, once per variant the lines name of it (the variant's columns null when they name none of its). */
interface PricingRow {
  id: string;
  title: string;
  price: number;
  mrp: number;
  stock: number;
  images: string;
  /** Whether the product has variants at all (0/1 on SQLite, a boolean on PostgreSQL): then a line must name one. */
  has_variants: number | boolean;
  variant_id: string | null;
  color: string | null;
  size: string | null;
  variant_stock: number | null;
}

type Ids = Record<string, string>;
const pricingQueries = new Map<string, PreparedQuery<Ids, PricingRow>>();

/**
 * The one read that prices lines: each product named, whether it has variants, and the variants
 * named of it. Compiled once per number of products and of variants (store/prepared-query.ts).
 * One statement instead of a read of the products and one of all their variants (decisions/0037).
 */
function pricingQuery(productCount: number, variantCount: number): PreparedQuery<Ids, PricingRow> {
  const name = `${productCount}/${variantCount}`;
  let query = pricingQueries.get(name);
  if (!query) {
    query = preparedQuery((db, p: Ids) => {
      const products = Array.from({ length: productCount }, (_, i) => p[`product${i}`]!);
      const variants = Array.from({ length: variantCount }, (_, i) => p[`variant${i}`]!);
      const base = db
        .selectFrom('products as p')
        .select(['p.id', 'p.title', 'p.price', 'p.mrp', 'p.stock', 'p.images'])
        .select((eb) => eb.exists(eb.selectFrom('product_variants as any').select('any.id').whereRef('any.product_id', '=', 'p.id')).as('has_variants'))
        .where('p.id', 'in', products);
      if (variantCount === 0) {
        return base.select((eb) => [eb.val<string | null>(null).as('variant_id'), eb.val<string | null>(null).as('color'), eb.val<string | null>(null).as('size'), eb.val<number | null>(null).as('variant_stock')]);
      }
      return base
        .leftJoin('product_variants as v', (join) => join.onRef('v.product_id', '=', 'p.id').on('v.id', 'in', variants))
        .select(['v.id as variant_id', 'v.color', 'v.size', 'v.stock as variant_stock']);
    });
    pricingQueries.set(name, query);
  }
  return query;
}

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

/** Prices `inputs` in order; lines that name nothing in the catalog come back as problems. */
export async function priceLines(db: Kysely<Database>, inputs: readonly LineInput[]): Promise<{ lines: PricedLine[]; problems: LineProblem[] }> {
  if (inputs.length === 0) return { lines: [], problems: [] };
  const productIds = [...new Set(inputs.map((line) => line.productId))];
  const variantIds = [...new Set(inputs.flatMap((line) => (line.variantId === '' ? [] : [line.variantId])))];
  const values: Ids = {};
  productIds.forEach((id, i) => (values[`product${i}`] = id));
  variantIds.forEach((id, i) => (values[`variant${i}`] = id));
  const products = new Map<string, PricingRow>();
  const variantsOf = new Map<string, PricingRow[]>();
  for (const row of (await pricingQuery(productIds.length, variantIds.length)(db, values)).rows) {
    products.set(row.id, row);
    if (row.variant_id !== null) variantsOf.set(row.id, [...(variantsOf.get(row.id) ?? []), row]);
  }

  const lines: PricedLine[] = [];
  const problems: LineProblem[] = [];
  for (const input of inputs) {
    const { productId, variantId, quantity } = input;
    const product = products.get(productId);
    if (!product) {
      problems.push({ productId, variantId, problem: 'unknown-product' });
      continue;
    }
    let variant: LineVariant | null = null;
    let available = Number(product.stock);
    // A product with variants needs one chosen; one without has none to choose.
    if (Number(product.has_variants) === 1 || variantId !== '') {
      if (variantId === '') {
        problems.push({ productId, variantId, problem: 'variant-required' });
        continue;
      }
      const row = variantsOf.get(productId)?.find((v) => v.variant_id === variantId);
      if (!row) {
        problems.push({ productId, variantId, problem: 'unknown-variant' });
        continue;
      }
      variant = { color: row.color!, size: row.size === '' ? null : row.size };
      available = Number(row.variant_stock);
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
