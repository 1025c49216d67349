/**
 * Change propagation across nodes (decisions/0018): N shop processes on one PostgreSQL schema; a
 * plain SQL client changes a product's price, and each node's search answer for that product is
 * polled until it shows the new price. The figure is the time from the UPDATE's commit (its reply)
 * to the last node showing it, p50/p99 over the rounds. Baseline in the same run, interleaved: a
 * bare NOTIFY sent by one PostgreSQL session until a LISTENing one hears it (the floor of any
 * notice-driven design).
 * PostgreSQL only: TEST_DATABASE_URL (or DATABASE_URL) names the server.
 * Run: npx tsx bench/change-propagation.ts [rounds] [nodes]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { BrowseResult, ProductSummary, SearchResult } from '../shared/api-types';
import { shopNodeArgs } from '../server/node-args';
import { rootDir } from '../webpack/paths';
import { freePort } from '../test/support/free-port';

const ROUNDS = Number(process.argv[2] ?? 200);
const NODES = Number(process.argv[3] ?? 3);
const POLL_MS = 2;
const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

interface Node {
  url: string;
  child: ChildProcess;
}

async function startNode(schema: string, dataDir: string): Promise<Node> {
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', VAPID_SUBJECT: 'mailto:bench@example.com', SEED_PRODUCTS: '2400', SEED_PHOTOS: 'off' };
  const child = spawn(process.execPath, shopNodeArgs(path.join(rootDir, 'server/main.ts')), { env, stdio: ['ignore', 'inherit', 'inherit'], cwd: rootDir });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`a node exited with ${child.exitCode} while starting`);
    try {
      if ((await fetch(`${url}/api/catalog/categories`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function priceOnSearch(node: Node, product: ProductSummary): Promise<number | undefined> {
  const res = await fetch(`${node.url}/api/catalog/search?q=${encodeURIComponent(product.title)}`);
  return ((await res.json()) as SearchResult).products.find((p) => p.id === product.id)?.price;
}

/** Milliseconds from now until `node` answers search with `price`. */
async function timeUntilShown(node: Node, product: ProductSummary, price: number, since: number): Promise<number> {
  for (;;) {
    if ((await priceOnSearch(node, product)) === price) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Milliseconds from sending a NOTIFY to the LISTENing session hearing it: one trip through PostgreSQL. */
async function notifyRoundTrip(sender: pg.Client, listener: pg.Client): Promise<number> {
  const heard = new Promise<number>((resolve) => listener.once('notification', () => resolve(performance.now())));
  const sent = performance.now();
  await sender.query(`NOTIFY bench_ping`);
  return (await heard) - sent;
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

async function main(): Promise<void> {
  if (!databaseUrl) {
    console.log('change propagation: skipped (set TEST_DATABASE_URL to a PostgreSQL database)');
    return;
  }
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const dirs: string[] = [];
  const nodes: Node[] = [];
  const admin = new pg.Client({ connectionString: databaseUrl });
  const listener = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await listener.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  try {
    // One after another: the first migrates and seeds, the others find the store ready.
    for (let i = 0; i < NODES; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-node-'));
      dirs.push(dir);
      nodes.push(await startNode(schema, dir));
    }
    await listener.query('LISTEN bench_ping');
    const products = ((await (await fetch(`${nodes[0]!.url}/api/catalog/browse/mobiles?pageSize=40`)).json()) as BrowseResult).products;
    const propagation: number[] = [];
    const notify: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const product = products[round % products.length]!;
      // Held in memory on every node before the change, as it would be in a sale.
      await Promise.all(nodes.map((node) => priceOnSearch(node, product)));
      const price = product.price - 1 - (round % 50);
      await admin.query(`UPDATE "${schema}".products SET price = $2 WHERE id = $1`, [product.id, price]);
      const committed = performance.now();
      const times = await Promise.all(nodes.map((node) => timeUntilShown(node, product, price, committed)));
      propagation.push(Math.max(...times));
      notify.push(await notifyRoundTrip(admin, listener));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const p50 = quantile(propagation, 0.5);
    const p99 = quantile(propagation, 0.99);
    const b50 = quantile(notify, 0.5);
    const b99 = quantile(notify, 0.99);
    console.log(`change propagation, ${NODES} nodes, ${ROUNDS} rounds (machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`);
    console.log(`  commit → every node's search answer: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...propagation).toFixed(1)} ms`);
    console.log(`  baseline, bare NOTIFY → LISTEN:      p50 ${b50.toFixed(2)} ms, p99 ${b99.toFixed(2)} ms`);
    console.log(`  ratio (p50 / baseline p50): ${(p50 / Math.max(b50, 0.01)).toFixed(1)}×; rounds over one second: ${propagation.filter((ms) => ms > 1000).length}`);
  } finally {
    for (const node of nodes) node.child.kill('SIGTERM');
    await Promise.all(nodes.map((node) => new Promise((resolve) => (node.child.exitCode !== null ? resolve(null) : node.child.once('exit', resolve)))));
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
    await listener.end();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
