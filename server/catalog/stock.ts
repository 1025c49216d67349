/**
 * Taking and returning stock inside the caller's transaction (orders take it, cancellations and
 * failed payments return it). Each variant's units are taken with a
 * conditional UPDATE (`… WHERE stock >= quantity`), so no interleaving of orders, on SQLite or
 * PostgreSQL, can take a unit twice or leave stock below zero. Rows are always locked in one global
 * order (variants by id, then products by id) so concurrent orders on PostgreSQL cannot deadlock.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../errors/app-error';
import { affectedRows, preparedQuery } from '../store/prepared-query';
import type { Database } from '../store/schema';

export interface StockLine {
  productId: string;
  /** `''` for a product without variants: its own stock is the one taken. */
  variantId: string;
  quantity: number;
}

// Every order takes stock: its three updates are compiled once (store/prepared-query.ts).
const takeVariantUnits = preparedQuery((db, p: { variantId: string; productId: string; quantity: number }) =>
  db
    .updateTable('product_variants')
    .set((eb) => ({ stock: eb('stock', '-', p.quantity) }))
    .where('id', '=', p.variantId)
    .where('product_id', '=', p.productId)
    .where('stock', '>=', p.quantity),
);
const takeProductUnits = preparedQuery((db, p: { productId: string; quantity: number }) =>
  db
    .updateTable('products')
    .set((eb) => ({ stock: eb('stock', '-', p.quantity) }))
    .where('id', '=', p.productId)
    .where('stock', '>=', p.quantity),
);
const lowerProductSum = preparedQuery((db, p: { productId: string; quantity: number }) =>
  db
    .updateTable('products')
    .set((eb) => ({ stock: eb('stock', '-', p.quantity) }))
    .where('id', '=', p.productId),
);

/** Takes every line's units, or throws `out-of-stock` naming the first line that has too few (the caller rolls back). */
export async function takeStock(trx: Kysely<Database>, lines: readonly StockLine[]): Promise<void> {
  const { variants, plain, variantTotals } = plan(lines);
  for (const line of variants) {
    const result = await takeVariantUnits(trx, line);
    if (affectedRows(result) !== 1) throw await outOfStock(trx, line);
  }
  for (const productId of productOrder(plain, variantTotals)) {
    const wanted = plain.get(productId);
    if (wanted !== undefined) {
      const result = await takeProductUnits(trx, { productId, quantity: wanted });
      if (affectedRows(result) !== 1) throw await outOfStock(trx, { productId, variantId: '', quantity: wanted });
    } else {
      // A product with variants keeps the sum of its variants' stock, for browsing and "in stock" badges.
      const taken = variantTotals.get(productId)!;
      await lowerProductSum(trx, { productId, quantity: taken });
    }
  }
}

/** Puts every line's units back (a cancelled order, a failed or abandoned payment). */
export async function returnStock(trx: Kysely<Database>, lines: readonly StockLine[]): Promise<void> {
  const { variants, plain, variantTotals } = plan(lines);
  for (const line of variants) {
    await trx
      .updateTable('product_variants')
      .set((eb) => ({ stock: eb('stock', '+', line.quantity) }))
      .where('id', '=', line.variantId)
      .where('product_id', '=', line.productId)
      .execute();
  }
  for (const productId of productOrder(plain, variantTotals)) {
    const units = plain.get(productId) ?? variantTotals.get(productId)!;
    await trx.updateTable('products').set((eb) => ({ stock: eb('stock', '+', units) })).where('id', '=', productId).execute();
  }
}

/** Variant lines sorted by id; units per product without variants; units per product with variants. */
function plan(lines: readonly StockLine[]) {
  const variants = lines.filter((line) => line.variantId !== '').sort((a, b) => compare(a.variantId, b.variantId));
  const plain = new Map<string, number>();
  const variantTotals = new Map<string, number>();
  for (const line of lines) {
    const into = line.variantId === '' ? plain : variantTotals;
    into.set(line.productId, (into.get(line.productId) ?? 0) + line.quantity);
  }
  return { variants, plain, variantTotals };
}

function productOrder(...maps: Array<Map<string, number>>): string[] {
  return [...new Set(maps.flatMap((map) => [...map.keys()]))].sort(compare);
}

/** Byte order, the same in every locale (and PostgreSQL's lock order follows our loop, not its collation). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function outOfStock(trx: Kysely<Database>, line: StockLine): Promise<AppError> {
  const row =
    line.variantId === ''
      ? await trx.selectFrom('products').select('stock').where('id', '=', line.productId).executeTakeFirst()
      : await trx.selectFrom('product_variants').select('stock').where('id', '=', line.variantId).executeTakeFirst();
  const available = Math.max(Number(row?.stock ?? 0), 0);
  return new AppError('out-of-stock', { lines: [{ productId: line.productId, variantId: line.variantId, wanted: line.quantity, available }] });
}
