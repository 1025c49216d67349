/**
 * Where a page's LCP and TBT come from: Lighthouse runs (RUNS per page, ONLY=home,browse,product)
 * against a server of its own, printing the metrics, the LCP breakdown and element, the requests
 * that ended before the LCP paint (Lantern puts them on the estimate's path), Lighthouse's own
 * `long-tasks`, `bootup-time` and `mainthread-work-breakdown` audits, and, in time order, the
 * paints, script evaluations and the observed trace's tasks that count towards TBT at the slowdown
 * used (decisions/0030, 0039). A diagnostic, not a benchmark: the figures of the targets come from
 * bench/lighthouse.ts.
 * `--as-index N` takes the slowdown of a host of that index, as bench/lighthouse.ts does;
 * `--slowdown X` fixes the multiplier instead (for comparing builds on a loaded host);
 * `--baseline DIR` serves a second build (e.g. one of main) and alternates runs with it.
 * Run: RUNS=2 npx tsx bench/lighthouse-trace.ts [--as-index 1330 | --slowdown 7.95] [--baseline DIR]
 *      (after npm run build; DIST=dir measures another build; SAVE=1 keeps each report in /tmp)
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { startOwnServer, type OwnServer } from '../e2e/support/own-server';
import { productPaths } from '../e2e/support/worker-page';
import { settlePhotos } from './load/settled-photos';
import { asIndexOption, cpuSlowdownFor, describeSlowdown } from './load/lighthouse-slowdown';
import { median } from './load/median';
import { blockingTime, countedTasks, formatTask } from './load/lighthouse-tasks';

const RUNS = Number(process.env.RUNS ?? 1);
const ONLY = process.env.ONLY?.split(',');
type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** The value after `name` in argv, if given. */
function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at < 0 ? undefined : argv[at + 1];
}

/** Lighthouse's diagnostics of the main thread, as lines. */
function diagnostics(lhr: Lhr): string[] {
  const items = (id: string) => ((lhr.audits[id]?.details as { items?: any[] } | undefined)?.items ?? []);
  const lines: string[] = [];
  const work = items('mainthread-work-breakdown').map((i) => `${i.groupLabel ?? i.group} ${Math.round(i.duration)}`);
  lines.push(`  main thread (simulated ms): ${work.join(', ')}`);
  const boot = items('bootup-time').map((i) => `${String(i.url).replace(/^.*\//, '')} total ${Math.round(i.total)} script ${Math.round(i.scripting)} compile ${Math.round(i.scriptParseCompile)}`);
  lines.push(`  bootup: ${boot.join(' | ')}`);
  const long = items('long-tasks').map((i) => `${Math.round(i.startTime)}+${Math.round(i.duration)} ${String(i.url).replace(/^.*\//, '').slice(0, 30)}`);
  lines.push(`  long tasks (simulated start+ms): ${long.join('  ')}`);
  return lines;
}

/** One Lighthouse run of `url` at `throttling`, printed. */
async function runOnce(label: string, url: string, port: number, cpuSlowdownMultiplier: number, saveAs: string): Promise<void> {
  const result = await lighthouse(url, { port, onlyCategories: ['performance'], logLevel: 'error', output: 'json', throttling: { cpuSlowdownMultiplier } });
  if (!result) return;
  const lhr = result.lhr;
  const a = (id: string) => lhr.audits[id]?.numericValue?.toFixed(0);
  console.log(`\n== ${label} score ${Math.round((lhr.categories.performance?.score ?? 0) * 100)} FCP ${a('first-contentful-paint')} LCP ${a('largest-contentful-paint')} TBT ${a('total-blocking-time')} CLS ${lhr.audits['cumulative-layout-shift']?.numericValue?.toFixed(3)} index ${Math.round(lhr.environment.benchmarkIndex)} load ${os.loadavg()[0]!.toFixed(2)}`);
  const el = lhr.audits['largest-contentful-paint-element']?.details as any;
  if (el) console.log('  LCP element', JSON.stringify(el.items?.[0]?.items?.[0]?.node?.snippet ?? el.items?.[0]).slice(0, 160));
  for (const line of diagnostics(lhr)) console.log(line);
  const events = (result.artifacts as any).Trace.traceEvents as any[];
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
  const t0 = nav?.ts ?? 0;
  const rows: Array<[number, string]> = [];
  for (const e of events) {
    const ms = (e.ts - t0) / 1000;
    if (ms < 0 || ms > 5000) continue;
    if (['firstContentfulPaint', 'largestContentfulPaint::Candidate'].includes(e.name)) rows.push([ms, `${e.name} ${e.args?.data?.size ?? ''}`]);
    else if (e.name === 'EvaluateScript' && e.dur) rows.push([ms, `EvaluateScript ${(e.dur / 1000).toFixed(1)} ms ${(e.args?.data?.url ?? '').replace(/^.*\//, '') || 'inline'}`]);
  }
  // Lantern counts a task's blocking time from its duration × the slowdown, over 50 ms.
  // Thread time too: on a loaded host a task's wall time includes waits for a core.
  const tasks = countedTasks(events, 50 / cpuSlowdownMultiplier);
  for (const task of tasks) rows.push([(task.ts - t0) / 1000, formatTask(task, cpuSlowdownMultiplier)]);
  rows.sort((x, y) => x[0] - y[0]);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.ts >= t0)?.ts ?? t0;
  const blocking = blockingTime(tasks, cpuSlowdownMultiplier, fcp);
  console.log(`  observed tasks over ${(50 / cpuSlowdownMultiplier).toFixed(1)} ms: ${tasks.length}; from FCP on, blocking time × slowdown ${blocking.wall.toFixed(0)} ms by wall time, ${blocking.cpu.toFixed(0)} ms by thread time`);
  for (const [ms, text] of rows) console.log(`  ${ms.toFixed(1).padStart(7)}  ${text}`);
  if (process.env.SAVE) fs.writeFileSync(nodePath.join(os.tmpdir(), `lighthouse-${saveAs}.json`), JSON.stringify(lhr));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const target = asIndexOption(argv);
  // A fixed slowdown (e.g. 7.95) compares builds on a loaded host, whose measured index swings.
  const fixed = option(argv, '--slowdown') === undefined ? undefined : Number(option(argv, '--slowdown'));
  if (fixed !== undefined && !(fixed > 0)) throw new Error('--slowdown takes a positive multiplier, e.g. --slowdown 7.95');
  const baselineDir = option(argv, '--baseline');
  const servers: Array<[string, OwnServer]> = [['this', await startOwnServer(process.env.DIST ? { distDir: process.env.DIST } : {})]];
  if (baselineDir) servers.push(['baseline', await startOwnServer({ distDir: nodePath.resolve(baselineDir) })]);
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const hostIndexes: number[] = [];
    const pagesOf = new Map<string, Record<string, string>>();
    for (const [label, server] of servers) {
      const [product] = await productPaths(server.url, 'phone', 1);
      let pages: Record<string, string> = { home: '/', browse: '/mobiles/pr', product: product! };
      if (ONLY) pages = Object.fromEntries(Object.entries(pages).filter(([k]) => ONLY.includes(k)));
      pagesOf.set(label, pages);
      for (const path of Object.values(pages)) {
        const warm = await lighthouse(server.url + path, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
        if (warm) hostIndexes.push(warm.lhr.environment.benchmarkIndex);
      }
      await settlePhotos(server.url, Object.values(pages));
    }
    const hostIndex = median(hostIndexes);
    const slowdown = fixed ?? cpuSlowdownFor(hostIndex, target);
    console.log(fixed === undefined ? describeSlowdown(hostIndex, target) : `CPU slowdown ${fixed}× as asked (this host's index ${Math.round(hostIndex)})`);
    console.log('load', os.loadavg().map((x) => x.toFixed(2)).join(' '));
    for (const name of Object.keys(pagesOf.get('this')!)) {
      for (let r = 0; r < RUNS; r++) {
        for (const [label, server] of servers) {
          const path = pagesOf.get(label)![name]!;
          await runOnce(`${name} ${label} ${path}`, server.url + path, chrome.port, slowdown, `${name}-${label}-${r}`);
        }
      }
    }
  } finally {
    chrome.kill();
    for (const [, server] of servers) await server.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
