/**
 * A sale: 50 connections for a while, half of the requests page shells and half their data (home,
 * browse, search, products), while one hot product's stock changes 10 times a second the way an
 * operator's restock does (commit, then the catalog's change event). Meanwhile a checker reads the
 * hot product's JSON every 20 ms and compares its stock with the changes committed so far.
 * Goals: no answer showing stock more than a second older than the last committed change, no
 * request over 1 s, no error; prints the shop's memory before, during (peak) and after.
 * Run: npx tsx bench/sale.ts [seconds]
 */
import { benchDataDir, prepareBenchData } from './bench-data';
import { startTarget } from './load/targets';
import { machineLoad, runLoad } from './load/wrk';
import { openStore } from '../server/store/database';
import { loadConfig } from '../server/config';

const SECONDS = Number(process.argv[2] ?? 30);
const CONNECTIONS = 50;
const CHANGE_EVERY_MS = 100;
const CHECK_EVERY_MS = 20;
const MAX_LAG_MS = 1000;

/** The paths of the sale: shells and data in equal numbers, the hot product the most asked for. */
async function salePaths(hotUrl: string): Promise<string[]> {
  const store = await openStore(loadConfig({ ...process.env, DATA_DIR: benchDataDir }));
  try {
    const others = await store.db.selectFrom('products').select(['id', 'slug']).where('stock', '>', 0).orderBy('rating_count', 'desc').limit(8).execute();
    const hotId = hotUrl.split('/').at(-1)!;
    const shells = ['/', '/mobiles/pr', '/fashion/pr', '/search?q=shirt', hotUrl, hotUrl, hotUrl, ...others.map((p) => `/${p.slug}/p/${p.id}`)];
    const data = [
      '/api/catalog/home', '/api/catalog/browse/mobiles?page=1&pageSize=24', '/api/catalog/browse/fashion?sort=price_asc', '/api/catalog/search?q=shirt',
      `/api/catalog/products/${hotId}`, `/api/catalog/products/${hotId}`, `/api/catalog/products/${hotId}`, ...others.map((p) => `/api/catalog/products/${p.id}`),
    ];
    // Interleaved, so every connection asks for both halves.
    return shells.flatMap((shell, i) => [shell, data[i]!]);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { productUrl } = await prepareBenchData();
  const hotId = productUrl.split('/').at(-1)!;
  const paths = await salePaths(productUrl);
  console.log(`Sale: ${SECONDS} s, ${CONNECTIONS} connections over ${paths.length} paths (half shells, half data); ${hotId}'s stock changes every ${CHANGE_EVERY_MS} ms; ${machineLoad()}\n`);

  const shop = await startTarget('shop', benchDataDir);
  try {
    const changes: Array<{ stock: number; at: number }> = [];
    shop.child.on('message', (message: { type: string; stock?: number; at?: number }) => {
      if (message.type === 'stock') changes.push({ stock: message.stock!, at: message.at! });
    });
    await runLoad(shop.url, { mode: 'single', paths, encoding: 'gzip, deflate, br', connections: CONNECTIONS, seconds: 2 }); // warm-up
    const before = await shop.stats();

    shop.child.send({ type: 'hot', id: hotId, everyMs: CHANGE_EVERY_MS });
    const samples: Array<{ stock: number; at: number }> = [];
    let checking = true;
    let checkErrors = 0;
    const checker = (async () => {
      while (checking) {
        const res = await fetch(`${shop.url}/api/catalog/products/${hotId}`).catch(() => null);
        if (res?.ok) samples.push({ stock: ((await res.json()) as { stock: number }).stock, at: Date.now() });
        else checkErrors++;
        await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
      }
    })();
    const during: number[] = [];
    const sampler = setInterval(() => void shop.stats().then((s) => during.push(s.rss)), 2000);
    const result = await runLoad(shop.url, { mode: 'single', paths, encoding: 'gzip, deflate, br', connections: CONNECTIONS, seconds: SECONDS, pid: shop.pid });
    clearInterval(sampler);
    checking = false;
    await checker;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = await shop.stats();

    // How long each sample had been out of date: since the first committed change it did not show.
    let maxLag = 0;
    let stale = 0;
    for (const sample of samples) {
      const next = changes.find((change) => change.stock > sample.stock && change.at <= sample.at);
      const lag = next ? sample.at - next.at : 0;
      maxLag = Math.max(maxLag, lag);
      if (lag > MAX_LAG_MS) stale++;
    }
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    console.log(`  requests/s ${result.requestsPerSecond.toFixed(0)}, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, slowest ${result.max.toFixed(0)} ms; server CPU ${result.cpuPerView.toFixed(0)} µs per request`);
    console.log(`  stock changes committed: ${changes.length}; checker samples: ${samples.length} (${checkErrors} failed)`);
    console.log(`  hot product's stock behind the last committed change: at most ${maxLag} ms; samples more than ${MAX_LAG_MS} ms behind: ${stale}  ${stale === 0 ? 'met' : 'NOT met'}`);
    console.log(`  requests over 1 s: ${result.max > 1000 ? 'some (slowest ' + result.max.toFixed(0) + ' ms)  NOT met' : 'none  met'}`);
    console.log(`  errors (≥ 400, socket errors, time-outs): ${result.failures + checkErrors}  ${result.failures + checkErrors === 0 ? 'met' : 'NOT met'}`);
    console.log(`  shop memory (rss): before ${mb(before.rss)}, during at most ${mb(Math.max(...during, before.rss))}, after ${mb(after.rss)}; answers held ${mb(after.answers!.bytes)} of ${mb(after.answers!.maxBytes)} (${after.answers!.entries} answers, ${after.answers!.builds} builds)`);
    console.log(`  ${machineLoad()}\n`);
  } finally {
    shop.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
