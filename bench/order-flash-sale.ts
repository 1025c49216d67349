/**
 * Flash sale: 2,000 buyers, each with their own session (made directly in the store), race for 100
 * units of one variant over 500 connections, each buyer placing one cash-on-delivery order. Must
 * end with exactly 100 orders, 0 oversold, 0 5xx. Prints orders/s (the 100 orders over the time
 * until the last one was acknowledged), answers/s, and p50/p99 of all answers; on each store.
 * Run: npx tsx bench/order-flash-sale.ts [sqlite|postgres]   (postgres needs TEST_DATABASE_URL)
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { benchKinds, createBenchStore, makeBuyers, orderRequest, startShop, stockAndSold, stockUp, type StoreKind } from './order-bench-store';

const BUYERS = 2000;
const UNITS = 100;
const CONNECTIONS = 500;
const WARM_UP = 300;

async function flashSale(kind: StoreKind): Promise<boolean> {
  const bench = await createBenchStore(kind);
  const shop = await (async () => {
    const buyers = await makeBuyers(bench, BUYERS + WARM_UP);
    const [sale] = await stockUp(bench, 1, UNITS);
    const [warm] = await stockUp(bench, 1, 1_000_000, 1);
    const running = await startShop(bench);
    return { running, buyers, sale: sale!, warm: warm! };
  })();
  const { running, buyers, sale, warm } = shop;
  try {
    // Warm the server's code paths on another item with other buyers, so the sale meets a warm JIT.
    let w = 0;
    await autocannon({ url: `${running.url}/api/orders`, method: 'POST', connections: 50, amount: WARM_UP, requests: [{ setupRequest: (req) => ({ ...req, ...orderRequest(buyers[BUYERS + w++]!, warm) }) }] });

    let next = 0;
    let lastOrderAt = 0;
    const started = performance.now();
    const result = await autocannon({
      url: `${running.url}/api/orders`,
      method: 'POST',
      connections: CONNECTIONS,
      amount: BUYERS,
      timeout: 30,
      requests: [
        {
          setupRequest: (req) => ({ ...req, ...orderRequest(buyers[next++]!, sale) }),
          onResponse: (status) => {
            if (status === 201) lastOrderAt = performance.now();
          },
        },
      ],
    });
    const seconds = (performance.now() - started) / 1000;
    const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
    const fivexx = Object.entries(codes).filter(([code]) => code.startsWith('5')).reduce((sum, [, n]) => sum + n, 0);
    const [{ stock, sold }] = (await stockAndSold(bench, [sale])) as [{ stock: number; sold: number }];
    const ok = (codes['201'] ?? 0) === UNITS && sold === UNITS && stock === 0 && fivexx === 0 && result.errors === 0 && (codes['409'] ?? 0) === BUYERS - UNITS;
    console.log(`flash sale (${kind}): ${BUYERS} buyers, ${UNITS} units of one variant, ${CONNECTIONS} connections`);
    console.log(`  answers: ${Object.entries(codes).map(([code, n]) => `${n} × ${code}`).join(', ')}; ${result.errors} errors, ${result.timeouts} timeouts`);
    console.log(`  orders in the store: ${sold} units sold, ${stock} left, oversold ${Math.max(0, sold - UNITS)}, 5xx ${fivexx}   ${ok ? 'OK' : 'FAILED'}`);
    console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`  ${(UNITS / ((lastOrderAt - started) / 1000)).toFixed(0)} orders/s (sold out after ${((lastOrderAt - started) / 1000).toFixed(2)} s); ${(BUYERS / seconds).toFixed(0)} answers/s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    return ok;
  } finally {
    await running.stop();
    await bench.remove();
  }
}

let failed = false;
for (const kind of benchKinds(process.argv[2])) failed = !(await flashSale(kind)) || failed;
process.exit(failed ? 1 : 0);
