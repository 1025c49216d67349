/**
 * One number for a page view, with peers measured in the same run: page views per second of the
 * product page, p50 and p99 of a whole view, for
 *   shop          the shell, then the data its `Link: preload` names (two requests, both from memory)
 *   node-http     bare node:http sending the very same two answers from Buffers (the ceiling)
 *   react-router  React Router 7 framework SSR of a comparable product page (one request)
 *   next          Next.js App Router SSR of the same (one request)
 * All on the same product, as a browser asks (`Accept-Encoding: gzip, deflate, br`), 50
 * connections, interleaved rounds, the median round of each. The peers are built from
 * bench/peers/ on first use (npm ci + their own build, into .cache/peers/).
 * Run: npx tsx bench/page-view.ts [seconds per round] [rounds]
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchDataDir, prepareBenchData } from './bench-data';
import { preparePeer, startPeer, type PeerName } from './load/peers';
import { recordAnswers, rawGet, startTarget } from './load/targets';
import { machineLoad, medianRound, runLoad, type LoadResult } from './load/wrk';

const SECONDS = Number(process.argv[2] ?? 8);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 50;
const ENCODING = 'gzip, deflate, br';
const PEERS: PeerName[] = ['react-router', 'next'];

interface Runner {
  name: string;
  label: string;
  url: string;
  pid: number;
  mode: 'pairs' | 'single';
  stop(): void;
}

async function main(): Promise<void> {
  const { productUrl } = await prepareBenchData();
  console.log(`Page views of ${productUrl}: ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s (median shown); ${machineLoad()}\n`);
  for (const peer of PEERS) preparePeer(peer);

  const scratch = fs.mkdtempSync(path.join(benchDataDir, 'page-view-'));
  const runners: Runner[] = [];
  try {
    const shop = await startTarget('shop', benchDataDir);
    runners.push({ name: 'shop', label: 'the shop: shell + preloaded data', url: shop.url, pid: shop.pid, mode: 'pairs', stop: shop.stop });
    const shell = await rawGet(shop.url + productUrl, ENCODING, 'text/html');
    const dataPath = /^<([^>]+)>/.exec(shell.headers.link ?? '')?.[1];
    if (!dataPath) throw new Error('the product shell names no data to preload');
    const recordedFile = path.join(scratch, 'recorded.json');
    fs.writeFileSync(recordedFile, JSON.stringify(await recordAnswers(shop.url, [productUrl, dataPath])));
    const baseline = await startTarget('node-http', benchDataDir, recordedFile);
    runners.push({ name: 'node-http', label: 'node:http, the same two answers from Buffers', url: baseline.url, pid: baseline.pid, mode: 'pairs', stop: baseline.stop });

    // The peers render the very product the shop answers with.
    const product = await (await fetch(shop.url + dataPath)).json();
    const productsFile = path.join(scratch, 'products.json');
    fs.writeFileSync(productsFile, JSON.stringify({ [(product as { id: string }).id]: product }));
    for (const peer of PEERS) {
      const running = await startPeer(peer, productsFile, productUrl);
      runners.push({ name: peer, label: running.label, url: running.url, pid: running.pid, mode: 'single', stop: running.stop });
    }

    for (const runner of runners) await runLoad(runner.url, { mode: runner.mode, paths: [productUrl], encoding: ENCODING, connections: CONNECTIONS, seconds: 2 }); // warm-up
    const rounds = new Map<string, LoadResult[]>(runners.map((r) => [r.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const runner of runners) {
        rounds.get(runner.name)!.push(await runLoad(runner.url, { mode: runner.mode, paths: [productUrl], encoding: ENCODING, connections: CONNECTIONS, seconds: SECONDS, pid: runner.pid }));
      }
    }
    const results = new Map([...rounds].map(([name, r]) => [name, medianRound(r)]));
    const ceiling = results.get('node-http')!;
    const ours = results.get('shop')!;
    console.log('  target          page views/s    p50 ms    p99 ms    max ms  failures   ÷ node:http   shop ÷ target   server CPU µs/view   shop ÷ target per CPU-second');
    for (const runner of runners) {
      const r = results.get(runner.name)!;
      console.log(
        `  ${runner.name.padEnd(14)} ${r.rate.toFixed(0).padStart(13)} ${r.p50.toFixed(1).padStart(9)} ${r.p99.toFixed(1).padStart(9)} ${r.max.toFixed(0).padStart(9)} ${String(r.failures).padStart(9)} ${(r.rate / ceiling.rate).toFixed(3).padStart(13)} ${(ours.rate / r.rate).toFixed(1).padStart(14)}× ${r.cpuPerView.toFixed(0).padStart(20)} ${(r.cpuPerView / ours.cpuPerView).toFixed(1).padStart(28)}×   ${runner.label}`,
      );
    }
    const vsRr = ours.rate / results.get('react-router')!.rate;
    const vsNext = ours.rate / results.get('next')!.rate;
    console.log('\n  (throughput ratios move with the machine\'s load; CPU time per view, measured from /proc, much less)');
    console.log(`\n  shop vs React Router 7: ${vsRr.toFixed(1)}× (target ≥ 20×)  ${vsRr >= 20 ? 'met' : 'NOT met'}`);
    console.log(`  shop vs Next.js: ${vsNext.toFixed(1)}× (target ≥ 50×)  ${vsNext >= 50 ? 'met' : 'NOT met'}`);
    console.log(`  shop vs bare node:http sending the same answers: ${(ours.rate / ceiling.rate).toFixed(2)}×`);
    console.log(`  every round (page views/s): ${[...rounds].map(([name, r]) => `${name} ${r.map((x) => x.rate.toFixed(0)).join('/')}`).join(', ')}`);
    console.log(`  ${machineLoad()}\n`);
  } finally {
    for (const runner of runners) runner.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
