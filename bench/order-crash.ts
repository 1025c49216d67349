/**
 * Crash: a sale runs against the shop in a child process, which is killed with SIGKILL at a moment
 * in the middle of it, then restarted on the same store; three times. Afterwards every order
 * acknowledged with a 201 must exist, and for every item stock + units sold = the initial stock.
 * Run: npx tsx bench/order-crash.ts [sqlite|postgres]
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { benchKinds, createBenchStore, makeBuyers, orderRequest, startShop, stockAndSold, stockUp, type StoreKind } from './order-bench-store';

const BUYERS = 3000;
const ITEMS = 5;
/** Enough that the sale never sells out: every kill lands among orders being placed, not refusals. */
const STOCK = 20_000;
const CONNECTIONS = 64;
/** When each round's kill lands, ms after the load starts. */
const KILL_AFTER_MS = [1100, 1700, 2300];

async function crash(kind: StoreKind): Promise<boolean> {
  const bench = await createBenchStore(kind);
  const buyers = await makeBuyers(bench, BUYERS);
  const items = await stockUp(bench, ITEMS, STOCK);
  // An item the sale does not touch, for the restarted shop's order: a quick shop may sell every sale item out.
  const [spare] = await stockUp(bench, 1, 1, ITEMS);
  const acknowledged = new Set<string>();
  let next = 0;
  let sent = 0;
  let answered = 0;
  const lines: string[] = [];
  for (const killAfter of KILL_AFTER_MS) {
    const shop = await startShop(bench);
    const before = acknowledged.size;
    let instance: autocannon.Instance | undefined;
    const options: autocannon.Options = {
      url: `${shop.url}/api/orders`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: 30,
      timeout: 5,
      requests: [
        {
          setupRequest: (req) => {
            sent++;
            return { ...req, ...orderRequest(buyers[next % BUYERS]!, items[next++ % ITEMS]!, 1 + (next % 2)) };
          },
          onResponse: (status, body) => {
            answered++;
            if (status === 201) acknowledged.add((JSON.parse(body) as { order: { id: string } }).order.id);
          },
        },
      ],
    };
    const load = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    });
    await new Promise((resolve) => setTimeout(resolve, killAfter));
    shop.child.kill('SIGKILL');
    const inFlight = sent - answered;
    await new Promise((resolve) => shop.child.once('exit', resolve));
    instance!.stop();
    await load;
    lines.push(`  round: killed after ${killAfter} ms: ${acknowledged.size - before} orders acknowledged, ${inFlight} requests in flight cut off`);
  }
  // One more start: the store must open (SQLite replays its log) and the shop take orders again.
  const shop = await startShop(bench);
  const after = await fetch(`${shop.url}/api/orders`, { method: 'POST', ...orderRequest(buyers[0]!, spare!) });
  await shop.stop();

  const store = await bench.open();
  const ids = [...acknowledged];
  let found = 0;
  for (let at = 0; at < ids.length; at += 500) {
    found += (await store.db.selectFrom('orders').select('id').where('id', 'in', ids.slice(at, at + 500)).execute()).length;
  }
  await store.close();
  const counts = await stockAndSold(bench, items);
  await bench.remove();
  const balanced = counts.every((c) => c.stock + c.sold === STOCK && c.stock >= 0);
  const ok = found === ids.length && balanced && after.status === 201;
  console.log(`crash (${kind}): ${KILL_AFTER_MS.length} rounds of a sale killed with SIGKILL and restarted, ${CONNECTIONS} connections`);
  for (const line of lines) console.log(line);
  console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`  acknowledged orders found after the restarts: ${found} of ${ids.length}`);
  console.log(`  stock + sold per item (initial ${STOCK}): ${counts.map((c) => `${c.stock}+${c.sold}`).join(', ')}   ${balanced ? 'balanced' : 'NOT balanced'}`);
  console.log(`  the restarted shop takes orders: ${after.status === 201 ? 'yes' : `no (${after.status})`}   ${ok ? 'OK' : 'FAILED'}`);
  return ok;
}

let failed = false;
for (const kind of benchKinds(process.argv[2])) failed = !(await crash(kind)) || failed;
process.exit(failed ? 1 : 0);
