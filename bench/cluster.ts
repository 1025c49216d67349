/**
 * Many nodes behind nginx (issue 16). Three nodes on one PostgreSQL (and Redis when redis-server is
 * installed), each a real `npm start` process, and three nginx instances in front of one, two and
 * three of them, measured in interleaved rounds in the same run:
 * - shells (`GET /`) and orders (`POST /api/orders`, cash on delivery, ample stock) per second
 *   through one, two and three nodes, printed as ratios to the one-node figure;
 * - a rolling restart of the three nodes under steady order load: failed requests, and orders
 *   acknowledged (201) but missing from the store ("lost"), which must both be 0.
 * On a machine with fewer cores than nodes, more nodes cannot mean more throughput: the figures
 * say how much the hops and the shared store cost, not how far the shop scales.
 * Run: TEST_DATABASE_URL=… npx tsx bench/cluster.ts [seconds per round] [rounds]
 */
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import { startCluster } from '../test/cluster/support/cluster';
import { startNginx, type Nginx } from '../test/cluster/support/nginx';
import { createShoppers } from '../test/support/shoppers';
import { median } from './load/median';
import { orderRequest, type SaleItem } from './order-bench-store';

const SECONDS = Number(process.argv[2] ?? 8);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 64;
const BUYERS = 2000;

if (!process.env.TEST_DATABASE_URL) {
  console.log('bench/cluster.ts needs PostgreSQL: set TEST_DATABASE_URL (test/run.sh shows how to start one)');
  process.exit(1);
}
const redis = spawnSync('redis-server', ['--version']).status === 0;
const cluster = await startCluster({ redis, env: { LOG_LEVEL: 'error' } });
const balancers: Nginx[] = [];
try {
  const ports = cluster.nodes.map((node) => Number(new URL(node.url).port));
  for (let n = 1; n <= 3; n++) balancers.push(await startNginx(path.join(cluster.distDir, '..', `nginx-${n}`), ports.slice(0, n)));
  const { db } = cluster.store;
  const buyers = await createShoppers(db, BUYERS, { now: Date.now(), secureCookies: false });
  const products = await db.selectFrom('products').select(['id', 'price']).where('id', 'not in', db.selectFrom('product_variants').select('product_id')).orderBy('id').limit(20).execute();
  await db.updateTable('products').set({ stock: 100_000_000 }).where('id', 'in', products.map((p) => p.id)).execute();
  const items: SaleItem[] = products.map((p) => ({ productId: p.id, variantId: '', price: Number(p.price) }));
  let next = 0;
  const orders = (onResponse?: (status: number, body: string) => void): autocannon.Options => ({
    url: '/api/orders',
    method: 'POST',
    requests: [{ setupRequest: (req) => ({ ...req, ...orderRequest(buyers[next % BUYERS]!, items[next++ % items.length]!) }), ...(onResponse ? { onResponse } : {}) }],
  });
  const run = async (url: string, options: autocannon.Options, duration = SECONDS) => autocannon({ ...options, url: url + (options.url ?? ''), connections: CONNECTIONS, duration, timeout: 30 });

  console.log(`cluster: 3 nodes on PostgreSQL${redis ? ' and Redis' : ''}, nginx in front; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)} at the start`);
  const rounds: Record<'shell' | 'orders', number[][]> = { shell: [[], [], []], orders: [[], [], []] };
  for (let round = 0; round < ROUNDS; round++) {
    for (let n = 0; n < 3; n++) {
      rounds.shell[n]!.push((await run(balancers[n]!.url, { url: '/' })).requests.average);
      rounds.orders[n]!.push((await run(balancers[n]!.url, orders())).requests.average);
    }
  }
  for (const kind of ['shell', 'orders'] as const) {
    const one = median(rounds[kind][0]!);
    const line = rounds[kind].map((values, n) => `${n + 1} node${n ? 's' : ''} ${median(values).toFixed(0)}/s (${(median(values) / one).toFixed(2)}×)`).join(', ');
    console.log(`${kind.padEnd(6)}: ${line}   [medians of ${ROUNDS} rounds of ${SECONDS} s, ratios to one node]`);
  }

  // Rolling restart: steady orders through nginx while each node in turn drains and comes back.
  const countOrders = async () => Number((await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // Orders the throughput rounds left in flight land first, so the count below is this run's alone.
  let before = await countOrders();
  for (let settled = false; !settled; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await countOrders();
    settled = now === before;
    before = now;
  }
  let acknowledged = 0;
  const placedIds: string[] = [];
  const load = new Promise<autocannon.Result>((resolve, reject) => {
    const record = (status: number, body: string) => {
      if (status !== 201) return;
      acknowledged++;
      const id = (JSON.parse(body) as { order?: { id?: string } }).order?.id;
      if (id) placedIds.push(id);
    };
    const instance = autocannon({ ...orders(record), url: `${balancers[2]!.url}/api/orders`, connections: 16, duration: 3600, timeout: 30 }, (error, result) => (error ? reject(error) : resolve(result)));
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (let i = 0; i < cluster.nodes.length; i++) {
        const code = await cluster.restart(i);
        if (code !== 0) console.log(`node ${i} exited with ${code} on SIGTERM`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      instance.stop();
    })().catch(reject);
  });
  const result = await load;
  const stored = new Set<string>();
  for (let i = 0; i < placedIds.length; i += 500) {
    for (const row of await db.selectFrom('orders').select('id').where('id', 'in', placedIds.slice(i, i + 500)).execute()) stored.add(row.id);
  }
  const after = await countOrders();
  const failed = result.requests.total - acknowledged + result.errors + result.timeouts;
  console.log(
    `rolling restart of 3 nodes under ${result.requests.average.toFixed(0)} orders/s: ${result.requests.total} requests, ${failed} failed (non-201, errors, timeouts), ` +
      `${acknowledged} orders acknowledged, ${placedIds.length - stored.size} of them lost, ${after - before} placed in the store (the difference: answers cut off when the load stopped)`,
  );
} finally {
  for (const balancer of balancers) await balancer.stop();
  await cluster.close();
}
