/**
 * The order benchmarks' store: a fresh one per run (a temporary SQLite folder, or a throwaway
 * PostgreSQL schema), seeded with the demo catalog, buyers made directly in the store (accounts,
 * sessions, addresses), and the stock each benchmark needs. Also starts and stops the shop on it in
 * a child process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedCatalogIfEmpty } from '../server/catalog/seed/index';
import { loadConfig } from '../server/config';
import { SHOP_NODE_ARGS } from '../server/node-args';
import { openStore, type Store } from '../server/store/database';
import { createShoppers, type Shopper } from '../test/support/shoppers';
import { rootDir } from '../webpack/paths';
import { dropSchema } from '../test/support/server';
import { processCpuSeconds } from './load/cpu';

export type StoreKind = 'sqlite' | 'postgres';

export interface BenchStore {
  kind: StoreKind;
  /** Environment of the shop on this store. */
  env: NodeJS.ProcessEnv;
  /** Opens the store (the caller closes it). */
  open(): Promise<Store>;
  /** Removes the store. */
  remove(): Promise<void>;
}

/** A fresh, seeded store of `kind`. */
export async function createBenchStore(kind: StoreKind, extraEnv: NodeJS.ProcessEnv = {}): Promise<BenchStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-orders-'));
  const schema = kind === 'postgres' ? `bench_${crypto.randomBytes(5).toString('hex')}` : undefined;
  if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) throw new Error('the PostgreSQL benchmarks need TEST_DATABASE_URL');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ...(schema ? { DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : { DATABASE_URL: '' }),
    ...extraEnv,
  };
  if (!schema) delete env.DATABASE_URL;
  const open = () => openStore(loadConfig(env));
  const store = await open();
  try {
    await seedCatalogIfEmpty(store, 2400);
  } finally {
    await store.close();
  }
  return {
    kind,
    env,
    open,
    async remove() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (schema) {
        await dropSchema(schema);
      }
    },
  };
}

/** `count` buyers with sessions and addresses. */
export async function makeBuyers(bench: BenchStore, count: number): Promise<Shopper[]> {
  const store = await bench.open();
  try {
    return await createShoppers(store.db, count, { now: Date.now(), secureCookies: true });
  } finally {
    await store.close();
  }
}

export interface SaleItem {
  productId: string;
  variantId: string;
  price: number;
}

/** The first variant of `count` products (after the first `skip`), each given `stock` units (and the products' sums kept). */
export async function stockUp(bench: BenchStore, count: number, stock: number, skip = 0): Promise<SaleItem[]> {
  const store = await bench.open();
  try {
    const { db } = store;
    const products = await db.selectFrom('products').select(['id', 'price']).where('id', 'in', db.selectFrom('product_variants').select('product_id')).orderBy('id').offset(skip).limit(count).execute();
    const items: SaleItem[] = [];
    for (const product of products) {
      const variant = await db.selectFrom('product_variants').select('id').where('product_id', '=', product.id).orderBy('id').limit(1).executeTakeFirstOrThrow();
      await db.updateTable('product_variants').set({ stock: 0 }).where('product_id', '=', product.id).execute();
      await db.updateTable('product_variants').set({ stock }).where('id', '=', variant.id).execute();
      await db.updateTable('products').set({ stock }).where('id', '=', product.id).execute();
      items.push({ productId: product.id, variantId: variant.id, price: Number(product.price) });
    }
    return items;
  } finally {
    await store.close();
  }
}

/** Units left and units sold (in orders not cancelled) of each item. */
export async function stockAndSold(bench: BenchStore, items: readonly SaleItem[]): Promise<Array<{ stock: number; sold: number }>> {
  const store = await bench.open();
  try {
    const { db } = store;
    return await Promise.all(
      items.map(async (item) => {
        const stock = await db.selectFrom('product_variants').select('stock').where('id', '=', item.variantId).executeTakeFirstOrThrow();
        const sold = await db
          .selectFrom('order_lines')
          .innerJoin('orders', 'orders.id', 'order_lines.order_id')
          .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('order_lines.quantity'), eb.lit(0)).as('n'))
          .where('order_lines.variant_id', '=', item.variantId)
          .where('orders.status', '!=', 'cancelled')
          .executeTakeFirstOrThrow();
        return { stock: Number(stock.stock), sold: Number(sold.n) };
      }),
    );
  } finally {
    await store.close();
  }
}

export interface RunningShop {
  child: ChildProcess;
  port: number;
  url: string;
  /** Ends the shop politely (SIGTERM) and waits for it. */
  stop(): Promise<void>;
}

/** Starts the shop on the bench store in a child process (on `port`, or a free one). */
export async function startShop(bench: BenchStore, port = 0): Promise<RunningShop> {
  // BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=prof`, `--trace-gc`) profiles the shop alone, not the load generator.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = fork(path.join(rootDir, 'bench/servers/order-server.ts'), [String(port)], { execArgv: [...SHOP_NODE_ARGS, '--import', 'tsx', ...extra], env: bench.env, stdio: ['ignore', extra.length ? 'inherit' : 'ignore', 'inherit', 'ipc'] });
  const started = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the shop exited with ${code}`)));
  });
  return {
    child,
    port: started,
    url: `http://127.0.0.1:${started}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** An order request of one unit of `item` for `buyer`, with a fresh idempotency key. */
export function orderRequest(buyer: Shopper, item: SaleItem, quantity = 1): { headers: Record<string, string>; body: string } {
  return {
    headers: { 'content-type': 'application/json', cookie: buyer.cookie, 'idempotency-key': crypto.randomUUID(), 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ addressId: buyer.addressId, paymentMethod: 'cod', lines: [{ productId: item.productId, variantId: item.variantId, quantity, unitPrice: item.price }] }),
  };
}

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined where there is none. */
export function cpuMs(pid: number | undefined): number | undefined {
  const seconds = pid === undefined ? undefined : processCpuSeconds(pid);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** Stores the benchmarks run on: SQLite, and PostgreSQL when TEST_DATABASE_URL is set (or the one named). */
export function benchKinds(arg: string | undefined): StoreKind[] {
  if (arg === 'sqlite' || arg === 'postgres') return [arg];
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}
