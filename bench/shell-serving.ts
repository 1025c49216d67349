/**
 * Shell serving: requests per second and p99 of the shop's level-2 shell render, against Express
 * sending the same bytes from memory, bare node:http (the ceiling) and per-request React server
 * rendering of the same page with its data. Without compression, then with gzip on every side.
 * Run: npx tsx bench/shell-serving.ts [seconds]
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { rootDir } from '../webpack/paths';
import { benchDataDir, prepareBenchData } from './bench-data';

const SECONDS = Number(process.argv[2] ?? 6);
const CONNECTIONS = 50;
const TARGETS = ['node-http', 'express-bytes', 'shop', 'react-ssr'] as const;
type Target = (typeof TARGETS)[number];

interface Result {
  rps: number;
  p99: number;
  bytes: number;
}

async function startTarget(target: Target, encoding: string, url: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(rootDir, 'bench/servers/shell-targets.ts'), [target, encoding, benchDataDir, url], {
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

async function main(): Promise<void> {
  const { productUrl, productTitle } = await prepareBenchData();
  console.log(`Shell serving: ${productUrl}, ${CONNECTIONS} connections, ${SECONDS} s per target, load generator in this process\n`);
  for (const encoding of ['identity', 'gzip']) {
    const results = new Map<Target, Result>();
    for (const target of TARGETS) {
      const { child, port } = await startTarget(target, encoding, productUrl);
      try {
        const page = await (await fetch(`http://127.0.0.1:${port}${productUrl}`)).text();
        if (target === 'react-ssr' && !page.includes(productTitle.slice(0, 20))) throw new Error('the React baseline did not render the product');
        await measure(port, productUrl, encoding, 1); // warm-up
        results.set(target, await measure(port, productUrl, encoding, SECONDS));
      } finally {
        child.kill();
      }
    }
    const shop = results.get('shop')!;
    console.log(`encoding: ${encoding}`);
    console.log('  target          req/s     p99 ms   bytes/resp   shop ÷ target');
    for (const [target, r] of results) {
      console.log(`  ${target.padEnd(14)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p99).padStart(9)} ${r.bytes.toFixed(0).padStart(11)}   ${(shop.rps / r.rps).toFixed(2)}×`);
    }
    const vsBytes = shop.rps / results.get('express-bytes')!.rps;
    const vsReact = shop.rps / results.get('react-ssr')!.rps;
    console.log(`  shop vs Express same bytes: ${(vsBytes * 100).toFixed(0)}% (target ≥ 90%)  ${vsBytes >= 0.9 ? 'met' : 'NOT met'}`);
    console.log(`  shop vs React SSR with data: ${vsReact.toFixed(1)}× (target ≥ 3×)  ${vsReact >= 3 ? 'met' : 'NOT met'}`);
    console.log(`  shop vs bare node:http (ceiling): ${((shop.rps / results.get('node-http')!.rps) * 100).toFixed(0)}%\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
