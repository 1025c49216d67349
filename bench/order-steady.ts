/**
 * Steady orders: many buyers (sessions made in the store) place cash-on-delivery orders for items
 * with ample stock over 256 connections, each with a fresh idempotency key. Baseline in the same
 * run, with the same load generator: the same server's plain JSON endpoint (`GET
 * /api/account/states`, through the same API middleware). Interleaved rounds, medians printed, with
 * the server's CPU per request and the load generator's. Every 201 is counted in the store
 * afterwards. Target on SQLite: ≥ 2,000 orders/s with p99 ≤ 150 ms.
 * The load generator is autocannon by default (in this process, as before), or wrk (C,
 * `load/orders.lua`: the same requests, each order its own key) with `wrk`: wrk costs the shared
 * 2 cores less than half the CPU per request, but on a loaded machine it reports seconds-long
 * stragglers that autocannon does not, even against a bare `node:http` server (decisions/0027).
 * Either way both paths use the same generator in the same run, and its CPU per request is printed.
 * Run: npx tsx bench/order-steady.ts [sqlite|postgres] [seconds per round] [rounds] [autocannon|wrk]
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { SHOP_NODE_ARGS } from '../server/node-args';
import { median } from './load/median';
import { runWrk } from './load/wrk-orders';
import { benchKinds, cpuMs, createBenchStore, makeBuyers, orderRequest, startShop, stockUp, type RunningShop, type StoreKind } from './order-bench-store';

const SECONDS = Number(process.argv[3] ?? 6);
const ROUNDS = Number(process.argv[4] ?? 3);
const CONNECTIONS = 256;
const BUYERS = 5000;
const ITEMS = 20;
const TARGET = { ordersPerSecond: 2000, p99Ms: 150 };
const GENERATOR = process.argv[5] === 'wrk' ? 'wrk' : 'autocannon';
const PLAIN_PATH = '/api/account/states';

interface Round {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU per request sent, ms (all its threads), counted until the server is idle again. */
  cpu: number | undefined;
  ok: number;
  failed: number;
  /** Requests sent (an answer cut off when the round ended may still be in the store). */
  sent: number;
  /** The load generator's own CPU per request sent, ms. */
  generatorCpu: number;
}

/** One round of `load` with either generator: the orders, or the plain JSON GET. */
type Load = { kind: 'orders'; next: () => { headers: Record<string, string>; body: string } ; lines: ReadonlyArray<{ cookie: string; body: string }> } | { kind: 'get' };

/** The median round's value of `key`. */
const medianOf = (rounds: Round[], key: 'rps' | 'p50' | 'p99'): number => median(rounds.map((r) => r[key]));

/** Waits until the requests a round left in flight are done, so the next round starts on an idle server. */
async function settle(shop: RunningShop): Promise<void> {
  const giveUp = performance.now() + 60_000;
  while (performance.now() < giveUp) {
    const started = performance.now();
    await (await fetch(`${shop.url}/api/account/states`)).arrayBuffer();
    if (performance.now() - started < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measure(shop: RunningShop, load: Load): Promise<Round> {
  await settle(shop);
  // Every request sent is served, in the round or after it: the CPU is counted until the server is idle again, per request sent.
  const before = cpuMs(shop.child.pid);
  const round = GENERATOR === 'wrk' ? await measureWrk(shop, load) : await measureAutocannon(shop, load);
  await settle(shop);
  const after = cpuMs(shop.child.pid);
  return { ...round, cpu: before !== undefined && after !== undefined ? (after - before) / Math.max(round.sent, 1) : undefined };
}

async function measureWrk(shop: RunningShop, load: Load): Promise<Omit<Round, 'cpu'>> {
  const r = await runWrk(shop.url, load.kind === 'get' ? { kind: 'get', path: PLAIN_PATH } : { kind: 'orders', lines: load.lines }, CONNECTIONS, SECONDS);
  return { rps: r.rps, p50: r.p50, p99: r.p99, ok: r.ok, failed: r.failed, sent: r.sent, generatorCpu: r.generatorCpu };
}

async function measureAutocannon(shop: RunningShop, load: Load): Promise<Omit<Round, 'cpu'>> {
  let sent = 0;
  const options: autocannon.Options =
    load.kind === 'get'
      ? { url: shop.url + PLAIN_PATH }
      : { url: shop.url + '/api/orders', method: 'POST', requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, ...load.next() }) }] };
  const requests: autocannon.Request[] = (options.requests ?? [{}]).map((request) => ({
    ...request,
    setupRequest: (req: autocannon.Request, context: object) => {
      sent++;
      return typeof request.setupRequest === 'function' ? request.setupRequest(req, context) : req;
    },
  }));
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({ ...options, requests, connections: CONNECTIONS, duration: SECONDS, timeout: 30 });
  const cpu = process.cpuUsage(cpuBefore);
  const okStatus = load.kind === 'get' ? 200 : 201;
  const ok = Number(result.statusCodeStats?.[String(okStatus) as `${number}`]?.count ?? 0);
  const total = result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok, failed: total - ok + result.errors + result.timeouts, sent, generatorCpu: (cpu.user + cpu.system) / 1000 / Math.max(sent, 1) };
}

async function steady(kind: StoreKind): Promise<boolean> {
  const bench = await createBenchStore(kind);
  const buyers = await makeBuyers(bench, BUYERS);
  const items = await stockUp(bench, ITEMS, 10_000_000);
  const shop = await startShop(bench);
  // The same buyer and item in turn for both generators: buyer i orders item i mod ITEMS.
  const lines = buyers.map((buyer, i) => {
    const { headers, body } = orderRequest(buyer, items[i % ITEMS]!);
    return { cookie: headers.cookie!, body };
  });
  let next = 0;
  const orders: Load = { kind: 'orders', lines, next: () => orderRequest(buyers[next % BUYERS]!, items[next++ % ITEMS]!) };
  const plain: Load = { kind: 'get' };
  const load = os.loadavg()[0]!;
  const baseline: Round[] = [];
  const placed: Round[] = [];
  let acknowledged = 0;
  let sent = 0;
  try {
    // Warm-up of both paths (counted: its orders are in the store too).
    const warm = await measure(shop, orders);
    acknowledged += warm.ok;
    sent += warm.sent;
    await measure(shop, plain);
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(await measure(shop, plain));
      const r = await measure(shop, orders);
      acknowledged += r.ok;
      sent += r.sent;
      placed.push(r);
    }
  } finally {
    await shop.stop();
  }
  const store = await bench.open();
  const stored = Number((await store.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  await store.close();
  await bench.remove();

  const failed = placed.reduce((sum, r) => sum + r.failed, 0) + baseline.reduce((sum, r) => sum + r.failed, 0);
  const rps = medianOf(placed, 'rps');
  const p99 = medianOf(placed, 'p99');
  const medianCpu = (rounds: Round[]) => {
    const values = rounds.map((r) => r.cpu).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  // CPU per request holds up better than throughput on a machine others are using at the same time.
  const cpuRatio = (base: Round[], orders: Round[]) => {
    const [b, o] = [medianCpu(base), medianCpu(orders)];
    return b !== undefined && o !== undefined ? `${(b / o).toFixed(2)} (one core would place ${Math.round(1000 / o).toLocaleString('en')} orders/s)` : 'n/a';
  };
  const cpu = (rounds: Round[]) => medianCpu(rounds)?.toFixed(3).concat(' ms') ?? 'n/a';
  const generatorCpu = (rounds: Round[]) => `${[...rounds.map((r) => r.generatorCpu)].sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!.toFixed(3)} ms`;
  console.log(`steady orders (${kind}): ${BUYERS} buyers, ${ITEMS} items with ample stock, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s (medians); load generator ${GENERATOR} for both paths`);
  console.log(`  plain JSON (GET /api/account/states): ${medianOf(baseline, 'rps').toFixed(0)} req/s, p50 ${medianOf(baseline, 'p50')} ms, p99 ${medianOf(baseline, 'p99')} ms, server CPU ${cpu(baseline)}/request, ${GENERATOR} CPU ${generatorCpu(baseline)}/request`);
  console.log(`  orders (POST /api/orders):            ${rps.toFixed(0)} orders/s, p50 ${medianOf(placed, 'p50')} ms, p99 ${p99} ms, server CPU ${cpu(placed)}/order, ${GENERATOR} CPU ${generatorCpu(placed)}/order   (rounds: ${placed.map((r) => `${r.rps.toFixed(0)}/s ${r.cpu?.toFixed(3) ?? '?'} ms`).join(' · ')})`);
  console.log(`  orders ÷ plain JSON: ${(rps / medianOf(baseline, 'rps')).toFixed(2)} by throughput; ${cpuRatio(baseline, placed)} by server CPU per request`);
  // With every connection always waiting, the mean latency is connections ÷ throughput whatever the load; p99 over it is the tail's shape (1 when served strictly in turn).
  const tail = (rounds: Round[]) => (medianOf(rounds, 'p99') / ((CONNECTIONS / medianOf(rounds, 'rps')) * 1000)).toFixed(2);
  console.log(`  tail: p99 ÷ (${CONNECTIONS} ÷ throughput) = ${tail(placed)} for orders, ${tail(baseline)} for plain JSON; the shop's node flags: ${[...SHOP_NODE_ARGS, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)].join(' ')}`);
  const consistent = acknowledged <= stored && stored <= sent;
  console.log(`  ${acknowledged} orders acknowledged with 201, ${stored} in the store, ${sent} sent (answers cut off at the end of a round may be stored); ${failed} other answers, errors or timeouts   ${consistent && failed === 0 ? 'OK' : 'FAILED'}`);
  console.log(`  machine: ${os.cpus().length} cores, load average ${load.toFixed(1)} before the run, ${os.loadavg()[0]!.toFixed(1)} after`);
  if (kind === 'sqlite') {
    const met = rps >= TARGET.ordersPerSecond && p99 <= TARGET.p99Ms;
    console.log(`  target ≥ ${TARGET.ordersPerSecond.toLocaleString('en')} orders/s with p99 ≤ ${TARGET.p99Ms} ms: ${met ? 'met' : 'NOT met'}`);
  }
  return consistent && failed === 0;
}

let failed = false;
for (const kind of benchKinds(process.argv[2])) failed = !(await steady(kind)) || failed;
process.exit(failed ? 1 : 0);
