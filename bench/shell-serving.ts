/**
 * Shell serving: requests per second and p99 of the shop's level-2 shell render, against Express
 * sending the same bytes from memory, bare node:http (the ceiling) and per-request React server
 * rendering of the same page with its data. Without compression, then with gzip on every side.
 * Targets are measured in interleaved rounds and each reports its median round, so a change in
 * the machine's load during the run weighs on every target alike.
 * Run: npx tsx bench/shell-serving.ts [seconds per round] [rounds]
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { rootDir } from '../webpack/paths';
import { benchDataDir, prepareBenchData } from './bench-data';

const SECONDS = Number(process.argv[2] ?? 4);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 50;
// The shop starts first: the baselines send the very bytes it answered with.
const TARGETS = ['shop', 'node-http', 'express-bytes', 'express-same', 'react-ssr'] as const;
/** Response headers that belong to the connection, not to the page. */
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'content-encoding', 'vary']);
const pageFile = path.join(benchDataDir, 'page.html');
type Target = (typeof TARGETS)[number];

interface Result {
  rps: number;
  p99: number;
  bytes: number;
}

async function startTarget(target: Target, encoding: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(rootDir, 'bench/servers/shell-targets.ts'), [target, encoding, benchDataDir, pageFile], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${target} exited with ${code}`)));
  });
  return { child, port };
}

async function measure(port: number, url: string, encoding: string, seconds: number): Promise<Result> {
  const headers: Record<string, string> = { Accept: 'text/html', 'Accept-Encoding': encoding === 'gzip' ? 'gzip' : 'identity' };
  const result = await autocannon({ url: `http://127.0.0.1:${port}${url}`, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, bytes: result.throughput.average / Math.max(result.requests.average, 1) };
}

/** The round with the median throughput. */
function median(results: Result[]): Result {
  return [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)]!;
}

/** The title as React writes it into HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

async function main(): Promise<void> {
  const { productUrl, productTitle } = await prepareBenchData();
  console.log(`Shell serving: ${productUrl}, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s per target (median shown), load generator in this process\n`);
  for (const encoding of ['identity', 'gzip']) {
    const servers = new Map<Target, { child: ChildProcess; port: number }>();
    const rounds = new Map<Target, Result[]>(TARGETS.map((t) => [t, []]));
    try {
      for (const target of TARGETS) {
        const server = await startTarget(target, encoding);
        servers.set(target, server);
        const res = await fetch(`http://127.0.0.1:${server.port}${productUrl}`, { headers: { 'Accept-Encoding': 'identity' } });
        const page = await res.text();
        if (target === 'shop') {
          fs.writeFileSync(pageFile, page);
          const headers = Object.fromEntries([...res.headers].filter(([name]) => !CONNECTION_HEADERS.has(name)));
          fs.writeFileSync(`${pageFile}.headers.json`, JSON.stringify(headers));
        }
        if (target === 'react-ssr' && !page.includes(escapeHtml(productTitle))) throw new Error('the React baseline did not render the product');
        await measure(server.port, productUrl, encoding, 1); // warm-up
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of TARGETS) rounds.get(target)!.push(await measure(servers.get(target)!.port, productUrl, encoding, SECONDS));
      }
    } finally {
      for (const { child } of servers.values()) child.kill();
    }
    const results = new Map<Target, Result>(TARGETS.map((t) => [t, median(rounds.get(t)!)]));
    const shop = results.get('shop')!;
    console.log(`encoding: ${encoding}`);
    console.log('  target          req/s     p99 ms   bytes/resp   shop ÷ target');
    for (const [target, r] of results) {
      console.log(`  ${target.padEnd(14)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p99).padStart(9)} ${r.bytes.toFixed(0).padStart(11)}   ${(shop.rps / r.rps).toFixed(2)}×`);
    }
    const vsSame = shop.rps / results.get('express-same')!.rps;
    const vsBytes = shop.rps / results.get('express-bytes')!.rps;
    const vsReact = shop.rps / results.get('react-ssr')!.rps;
    console.log(`  shop vs Express sending the same response from memory: ${(vsSame * 100).toFixed(0)}% (target ≥ 90%)  ${vsSame >= 0.9 ? 'met' : 'NOT met'}`);
    console.log(`  shop vs Express sending the same body with res.send, no security headers: ${(vsBytes * 100).toFixed(0)}%`);
    console.log(`  shop vs React SSR with data: ${vsReact.toFixed(1)}× (target ≥ 3×)  ${vsReact >= 3 ? 'met' : 'NOT met'}`);
    console.log(`  shop vs bare node:http (ceiling): ${((shop.rps / results.get('node-http')!.rps) * 100).toFixed(0)}%\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
