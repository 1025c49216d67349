/** Helpers for the checkout, order and payment HTTP tests: shoppers, products to buy, order requests. */
import crypto from 'node:crypto';
import { Browser } from '../support/browser';
import type { TestServer } from '../support/server';
import { createShoppers, type Shopper } from '../support/shoppers';

export interface SignedIn extends Shopper {
  browser: Browser;
}

/** A signed-in shopper with one address (made in the store), and a browser carrying their session. */
export async function signedIn(server: TestServer, pin?: string): Promise<SignedIn> {
  const [shopper] = await createShoppers(server.store.db, 1, { now: server.clock.now, secureCookies: server.config.secureCookies, ...(pin ? { pin } : {}) });
  const browser = new Browser(server.url);
  const [name, value] = shopper!.cookie.split('=') as [string, string];
  browser.cookies.set(name, value);
  return { ...shopper!, browser };
}

export interface Item {
  productId: string;
  variantId: string;
  price: number;
  mrp: number;
}

/** The first variant of the `skip`-th product that has variants, with its stock set to `stock` (so tests own the numbers). */
export async function variantItem(server: TestServer, stock: number, skip = 0): Promise<Item> {
  const { db } = server.store;
  const product = await db
    .selectFrom('products')
    .select(['id', 'price', 'mrp'])
    .where('id', 'in', db.selectFrom('product_variants').select('product_id'))
    .orderBy('id')
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
  const variant = await db.selectFrom('product_variants').select('id').where('product_id', '=', product.id).orderBy('id').limit(1).executeTakeFirstOrThrow();
  await setVariantStock(server, product.id, variant.id, stock);
  return { productId: product.id, variantId: variant.id, price: Number(product.price), mrp: Number(product.mrp) };
}

/** A product without variants, with its stock set to `stock`. */
export async function plainItem(server: TestServer, stock: number, skip = 0): Promise<Item> {
  const { db } = server.store;
  const row = await db
    .selectFrom('products')
    .select(['id', 'price', 'mrp'])
    .where('id', 'not in', db.selectFrom('product_variants').select('product_id'))
    .orderBy('id')
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
  await db.updateTable('products').set({ stock }).where('id', '=', row.id).execute();
  return { productId: row.id, variantId: '', price: Number(row.price), mrp: Number(row.mrp) };
}

/** Sets a variant's stock and keeps its product's stock the sum of its variants'. */
export async function setVariantStock(server: TestServer, productId: string, variantId: string, stock: number): Promise<void> {
  const { db } = server.store;
  await db.updateTable('product_variants').set({ stock }).where('id', '=', variantId).execute();
  const sum = await db.selectFrom('product_variants').select((eb) => eb.fn.sum<number>('stock').as('n')).where('product_id', '=', productId).executeTakeFirstOrThrow();
  await db.updateTable('products').set({ stock: Number(sum.n) }).where('id', '=', productId).execute();
}

/** Units left of an item. */
export async function stockOf(server: TestServer, item: Pick<Item, 'productId' | 'variantId'>): Promise<number> {
  const { db } = server.store;
  const row =
    item.variantId === ''
      ? await db.selectFrom('products').select('stock').where('id', '=', item.productId).executeTakeFirstOrThrow()
      : await db.selectFrom('product_variants').select('stock').where('id', '=', item.variantId).executeTakeFirstOrThrow();
  return Number(row.stock);
}

/** A line of `item` at its price. */
export function line(item: Item, quantity = 1) {
  return { productId: item.productId, variantId: item.variantId, quantity, unitPrice: item.price };
}

/** Posts an order with a fresh (or given) idempotency key. */
export function postOrder(shopper: SignedIn, body: unknown, key: string | null = crypto.randomUUID()) {
  return shopper.browser.post('/api/orders', body, key === null ? {} : { 'idempotency-key': key });
}

/** Counts rows of the order tables, to prove a refused request wrote nothing. */
export async function orderRows(server: TestServer): Promise<{ orders: number; keys: number; payments: number }> {
  const { db } = server.store;
  const count = async (table: 'orders' | 'idempotency_keys' | 'payments') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { orders: await count('orders'), keys: await count('idempotency_keys'), payments: await count('payments') };
}
