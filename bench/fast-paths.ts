/**
 * The two halves of a page view, each against bare node:http sending the very same bytes (the
 * ceiling), measured in the same run with wrk (50 connections, interleaved rounds, median round):
 *   shell      the product page's shell, identity and gzip          target ≥ 0.6× node:http
 *   product    its JSON, identity and brotli                        target ≥ 0.5× node:http, p99 ≤ 20 ms
 *   home, browse (first page; sorted; with facets), search, suggest  target ≥ 5,000 req/s each
 * A ratio is the median over rounds of the shop's rate over the baseline's in the same round (the two
 * run back to back, so they share the machine's load of that moment); the range of those per-round
 * ratios is printed beside it, and so is the ratio of the two median rates.
 * Also prints the shop's answer memory (bytes held, budget) after the run.
 * Run: npx tsx bench/fast-paths.ts [seconds per round] [rounds] [cases: comma-separated name prefixes, e.g. shell,product]
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchDataDir, prepareBenchData } from './bench-data';
import { recordAnswers, startTarget, type Target } from './load/targets';
import { machineLoad, medianRound, runLoad, type LoadResult } from './load/wrk';

const SECONDS = Number(process.argv[2] ?? 3);
const ROUNDS = Number(process.argv[3] ?? 5);
const ONLY = process.argv[4]?.split(',').filter(Boolean) ?? [];
const CONNECTIONS = 50;
const BROWSER = 'gzip, deflate, br';

interface Case {
  name: string;
  path: string;
  encoding: string;
  /** Compared with node:http sending the same bytes (ratio target), or held to a rate. */
  vsBaseline?: number;
  minRate?: number;
  maxP99?: number;
}

async function main(): Promise<void> {
  const { productUrl } = await prepareBenchData();
  const itemId = productUrl.split('/').at(-1)!;
  const data = `/api/catalog/products/${itemId}`;
  const all: Case[] = [
    { name: 'shell, identity', path: productUrl, encoding: 'identity', vsBaseline: 0.6 },
    { name: 'shell, gzip', path: productUrl, encoding: BROWSER, vsBaseline: 0.6 },
    { name: 'product JSON, identity', path: data, encoding: 'identity', vsBaseline: 0.5, maxP99: 20 },
    { name: 'product JSON, br', path: data, encoding: BROWSER, vsBaseline: 0.5, maxP99: 20 },
    { name: 'home data', path: '/api/catalog/home', encoding: BROWSER, minRate: 5000 },
    { name: 'browse, first page', path: '/api/catalog/browse/mobiles?page=1&pageSize=24', encoding: BROWSER, minRate: 5000 },
    { name: 'browse, by price', path: '/api/catalog/browse/mobiles?sort=price_asc', encoding: BROWSER, minRate: 5000 },
    { name: 'browse, facets', path: '/api/catalog/browse/fashion?brand=Roadster,Puma&price=500-2000&sort=rating', encoding: BROWSER, minRate: 5000 },
    { name: 'search "shirt"', path: '/api/catalog/search?q=shirt', encoding: BROWSER, minRate: 5000 },
    { name: 'suggest "sam"', path: '/api/catalog/suggest?q=sam', encoding: BROWSER, minRate: 5000 },
  ];
  const cases = ONLY.length ? all.filter((c) => ONLY.some((prefix) => c.name.startsWith(prefix))) : all;
  if (cases.length === 0) throw new Error(`no case starts with ${ONLY.join(' or ')}`);
  console.log(`Fast paths: ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s (median shown); ${machineLoad()}\n`);

  const scratch = fs.mkdtempSync(path.join(benchDataDir, 'fast-paths-'));
  const targets: Target[] = [];
  try {
    const shop = await startTarget('shop', benchDataDir);
    targets.push(shop);
    const recordedFile = path.join(scratch, 'recorded.json');
    const baselined = [...new Set(cases.filter((c) => c.vsBaseline).map((c) => c.path))];
    fs.writeFileSync(recordedFile, JSON.stringify(await recordAnswers(shop.url, baselined)));
    const baseline = await startTarget('node-http', benchDataDir, recordedFile);
    targets.push(baseline);

    const runs = cases.flatMap((c) => [{ c, who: 'shop', url: shop.url, pid: shop.pid }, ...(c.vsBaseline ? [{ c, who: 'node-http', url: baseline.url, pid: baseline.pid }] : [])]);
    const load = (run: (typeof runs)[number], seconds: number) =>
      runLoad(run.url, { mode: 'single', paths: [run.c.path], encoding: run.c.encoding, connections: CONNECTIONS, seconds, pid: run.pid });
    for (const run of runs) await load(run, 1); // warm-up
    const rounds = new Map<(typeof runs)[number], LoadResult[]>(runs.map((run) => [run, []]));
    for (let round = 0; round < ROUNDS; round++) for (const run of runs) rounds.get(run)!.push(await load(run, SECONDS));

    console.log('  case                      shop req/s   p50 ms   p99 ms  node:http req/s   ratio (rounds; of medians)   CPU µs/req shop, node:http (ratio)   target');
    let failures = 0;
    for (const c of cases) {
      const ourRounds = rounds.get(runs.find((r) => r.c === c && r.who === 'shop')!)!;
      const baseRounds = c.vsBaseline ? rounds.get(runs.find((r) => r.c === c && r.who === 'node-http')!)! : null;
      const ours = medianRound(ourRounds);
      const base = baseRounds ? medianRound(baseRounds) : null;
      failures += ourRounds.reduce((sum, r) => sum + r.failures, 0) + (baseRounds?.reduce((sum, r) => sum + r.failures, 0) ?? 0);
      const paired = baseRounds ? ourRounds.map((r, i) => r.rate / baseRounds[i]!.rate).sort((a, b) => a - b) : null;
      const ratio = paired ? median(paired) : null;
      const cpuRatio = baseRounds ? median(ourRounds.map((r, i) => baseRounds[i]!.cpuPerView / r.cpuPerView).sort((a, b) => a - b)) : null;
      const goals: string[] = [];
      if (c.vsBaseline) goals.push(`≥ ${c.vsBaseline}× ${ratio! >= c.vsBaseline ? 'met' : 'NOT met'}`);
      if (c.maxP99) goals.push(`p99 ≤ ${c.maxP99} ms ${ours.p99 <= c.maxP99 ? 'met' : 'NOT met'}`);
      if (c.minRate) goals.push(`≥ ${c.minRate} req/s ${ours.rate >= c.minRate ? 'met' : 'NOT met'}`);
      const cpu = base ? `${ours.cpuPerView.toFixed(0)}, ${base.cpuPerView.toFixed(0)} (${cpuRatio!.toFixed(2)})` : ours.cpuPerView.toFixed(0);
      const ratios = paired ? `${ratio!.toFixed(2)} (${paired[0]!.toFixed(2)}–${paired.at(-1)!.toFixed(2)}; ${(ours.rate / base!.rate).toFixed(2)})` : '—';
      console.log(
        `  ${c.name.padEnd(24)} ${ours.rate.toFixed(0).padStart(11)} ${ours.p50.toFixed(1).padStart(8)} ${ours.p99.toFixed(1).padStart(8)} ${(base ? base.rate.toFixed(0) : '—').padStart(16)}   ${ratios.padEnd(26)}   ${cpu.padEnd(36)}   ${goals.join(', ')}`,
      );
    }
    const stats = await shop.stats();
    const answers = stats.answers!;
    console.log(`\n  failures (≥ 400, socket errors, time-outs): ${failures}`);
    console.log(`  shop process: rss ${(stats.rss / 2 ** 20).toFixed(0)} MB; answers held ${answers.entries} (${(answers.bytes / 2 ** 20).toFixed(1)} of ${(answers.maxBytes / 2 ** 20).toFixed(0)} MB), builds ${answers.builds}, hits ${answers.hits}`);
    console.log(`  ${machineLoad()}\n`);
  } finally {
    for (const target of targets) target.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The median of sorted `values` (the mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
