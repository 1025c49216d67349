/**
 * Where a page's LCP comes from: Lighthouse runs (RUNS per page, ONLY=home,browse,product) against
 * a server of its own, printing the metrics, the LCP breakdown and element, the requests that
 * ended before the LCP paint (Lantern puts them on the estimate's path) and, in time order, the
 * paints, script evaluations and long tasks of the observed trace (decisions/0030). A diagnostic,
 * not a benchmark: the figures of the targets come from bench/lighthouse.ts.
 * Run: RUNS=2 npx tsx bench/lighthouse-trace.ts   (after npm run build; SAVE=1 keeps each report in /tmp)
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { startOwnServer } from '../e2e/support/own-server';
import { productPaths } from '../e2e/support/worker-page';
import { settlePhotos } from '../bench/load/settled-photos';

const RUNS = Number(process.env.RUNS ?? 1);
const ONLY = process.env.ONLY?.split(',');
async function main() {
  const server = await startOwnServer(process.env.DIST ? { distDir: process.env.DIST } : {});
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const [product] = await productPaths(server.url, 'phone', 1);
    let pages: Record<string, string> = { home: '/', browse: '/mobiles/pr', product: product! };
    if (ONLY) pages = Object.fromEntries(Object.entries(pages).filter(([k]) => ONLY.includes(k)));
    for (const path of Object.values(pages)) await lighthouse(server.url + path, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
    await settlePhotos(server.url, Object.values(pages));
    console.log('load', os.loadavg().map((x) => x.toFixed(2)).join(' '));
    for (const [name, path] of Object.entries(pages)) {
      for (let r = 0; r < RUNS; r++) {
        const result = await lighthouse(server.url + path, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
        if (!result) continue;
        const lhr = result.lhr;
        const a = (id: string) => lhr.audits[id]?.numericValue?.toFixed(0);
        console.log(`\n== ${name} ${path} score ${Math.round((lhr.categories.performance?.score ?? 0) * 100)} FCP ${a('first-contentful-paint')} LCP ${a('largest-contentful-paint')} TBT ${a('total-blocking-time')} CLS ${lhr.audits['cumulative-layout-shift']?.numericValue} index ${Math.round(lhr.environment.benchmarkIndex)}`);
        const bd = lhr.audits['lcp-breakdown-insight']?.details as any;
        if (bd) console.log('  breakdown', JSON.stringify(bd.items?.map((i: any) => i.items ?? i)).slice(0, 600));
        const el = lhr.audits['largest-contentful-paint-element']?.details as any;
        if (el) console.log('  element', JSON.stringify(el.items?.[0]?.items?.[0]?.node?.snippet ?? el.items?.[0]).slice(0, 200));
        const trace = (result.artifacts as any).Trace as { traceEvents: any[] };
        const ev = trace.traceEvents;
        const nav = ev.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
        const t0 = nav?.ts ?? 0;
        const rows: Array<[number, string]> = [];
        for (const e of ev) {
          const ms = (e.ts - t0) / 1000;
          if (ms < 0 || ms > 3000) continue;
          if (['firstPaint', 'firstContentfulPaint', 'largestContentfulPaint::Candidate'].includes(e.name)) rows.push([ms, `${e.name} ${e.args?.data?.size ?? ''} ${e.args?.data?.type ?? ''}`]);
          else if (e.name === 'EvaluateScript' && e.dur) rows.push([ms, `EvaluateScript ${(e.dur / 1000).toFixed(1)} ms ${(e.args?.data?.url ?? '').replace(/^.*\//, '')}`]);
          else if (e.name === 'ResourceFinish' || e.name === 'ResourceReceiveResponse') {/* skip */}
          else if (e.name === 'RunTask' && e.dur > 8000 && e.ph === 'X') rows.push([ms, `task ${(e.dur / 1000).toFixed(1)} ms`]);
          else if (e.name === 'Paint' && e.args?.data?.frame) rows.push([ms, 'Paint']);
          else if (e.name === 'ResourceSendRequest') rows.push([ms, `request ${(e.args?.data?.url ?? '').replace(/^https?:\/\/[^/]+/, '').slice(0, 60)} ${e.args?.data?.priority ?? ''}`]);
          else if (e.name === 'ResourceFinish') rows.push([ms, `finish`]);
        }
        const lcpTs = [...ev].filter((x) => x.name === 'largestContentfulPaint::Candidate').pop()?.ts ?? 0;
        const urls = new Map<string, string>();
        for (const x of ev) if (x.name === 'ResourceSendRequest') urls.set(x.args.data.requestId, x.args.data.url);
        const finished = ev.filter((x) => x.name === 'ResourceFinish' && x.ts <= lcpTs).map((x) => `${((x.ts - t0) / 1000).toFixed(0)}:${(urls.get(x.args.data.requestId) ?? '?').replace(/^https?:\/\/[^/]+/, '').slice(0, 50)}`);
        console.log('  finished before LCP:', finished.join('  '));
        rows.sort((x, y) => x[0] - y[0]);
        for (const e of ev.filter((x) => x.name === 'EvaluateScript' && /vendors|home-browse/.test(x.args?.data?.url ?? ''))) {
          const inside = new Map<string, number>();
          for (const c of ev) if (c.tid === e.tid && c.ts >= e.ts && c.ts < e.ts + e.dur && c.dur && c !== e) inside.set(c.name, (inside.get(c.name) ?? 0) + c.dur / 1000);
          console.log('  inside', (e.args.data.url as string).replace(/^.*\//, ''), (e.dur / 1000).toFixed(1), [...inside].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k}=${v.toFixed(1)}`).join(' '));
        }
        for (const [ms, text] of rows) console.log(`  ${ms.toFixed(1).padStart(7)}  ${text}`);
        if (process.env.SAVE) fs.writeFileSync(nodePath.join(os.tmpdir(), `lighthouse-${name}-${r}.json`), JSON.stringify(lhr));
      }
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
