/**
 * Interaction to Next Paint at 4× CPU slowdown (CDP `Emulation.setCPUThrottlingRate`), in Chromium,
 * over a scripted session: pick a variant, add to cart (product page), open the filter sheet, apply a
 * filter (browse page), type in search (home page). Each step's latency is its slowest interaction's
 * Event Timing duration (what web-vitals' INP is made of), and web-vitals' own INP (attribution
 * build) is printed for each page; target ≤ 100 ms. Long animation frames while scrolling a browse
 * page and opening the filter sheet: the longest frame, target ≤ 50 ms. p50 and max over rounds.
 * With `--baseline <distDir>` (a build of another revision), rounds of both builds alternate in one
 * run and the ratios are printed.
 * Pictures: by default every picture the session shows is a photo first, as in a running shop
 * (`settled-listing-photos.ts`, as `bench/lighthouse.ts` does for the first screen); `--drawings`
 * measures the freshly seeded drawings instead (SVG, parsed on the main thread as they arrive).
 * `--trace <dir>`: a Chromium trace of each step of the first round of each build, written to
 * `<dir>` and summarised (main-thread tasks over 16 ms and their script, style, layout, paint).
 * `--loaf`: every long animation frame over the target in the frame steps, with its split (before the
 * rendering update, frame callbacks, style+layout+paint) and its scripts' attribution (invoker,
 * duration, forced style and layout, source).
 * Run: npx tsx bench/inp.ts [--baseline <distDir>] [--drawings] [--trace <dir>] [--loaf]
 *      (after npm run build; INP_ROUNDS, default 5)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startOwnServer, type OwnServer } from '../e2e/support/own-server';
import { productPaths } from '../e2e/support/worker-page';
import { settlePhotos } from './load/settled-photos';
import { settleListingPhotos } from './load/settled-listing-photos';
import { formatTraceSummary, summariseTrace } from './load/trace-summary';
import { formatLoaf, LOAF_OBSERVER, type Loaf } from './load/loaf-summary';

const require = createRequire(import.meta.url);
const ROUNDS = Number(process.env.INP_ROUNDS ?? 5);
const CPU_SLOWDOWN = 4;
const INP_TARGET_MS = 100;
const FRAME_TARGET_MS = 50;
/** Event Timing reports nothing shorter than this; a step with no entry was at most this long. */
const MIN_REPORTED_MS = 16;
// The package exports no path to its IIFE build (a global `webVitals`): find it beside the UMD one.
const VITALS = fs.readFileSync(path.join(path.dirname(require.resolve('web-vitals/attribution')), 'web-vitals.attribution.iife.js'), 'utf8');

/** In the page before its scripts: every interaction's entries, long animation frames, web-vitals' INP. */
const PROBE = `
window.__probe = { events: [], frames: [], inp: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.interactionId) __probe.events.push({ id: e.interactionId, start: e.startTime, duration: e.duration });
}).observe({ type: 'event', durationThreshold: ${MIN_REPORTED_MS}, buffered: true });
${LOAF_OBSERVER}
addEventListener('DOMContentLoaded', () => webVitals.onINP((metric) => { __probe.inp = metric.value; }, { reportAllChanges: true }));
`;

type Step = 'pick a variant' | 'add to cart' | 'open the filter sheet' | 'apply a filter' | 'type in search';
type FrameStep = 'scroll browse' | 'open the filter sheet';
interface Round {
  inp: Partial<Record<Step, number>>;
  frames: Partial<Record<FrameStep, number>>;
  pageInp: Record<string, number>;
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());
const settle = (page: Page, ms = 600): Promise<void> => page.waitForTimeout(ms);

/** Where `measure` writes a trace of each step (first round of each build only), and its summaries. */
const tracing: { dir: string | null; build: string; lines: string[] } = { dir: null, build: '', lines: [] };

/** With `--loaf`: the frames over the target of the frame steps, described (`formatLoaf`). */
const loafs: { on: boolean; build: string; round: number; lines: string[] } = { on: false, build: '', round: 0, lines: [] };

/** Runs `act` and returns its slowest interaction and longest animation frame, in ms. */
async function measure(page: Page, act: () => Promise<void>, step?: string): Promise<{ inp: number; frame: number }> {
  const traceFile = tracing.dir && tracing.build && step ? path.join(tracing.dir, `${tracing.build}-${step.replace(/ /g, '-')}.json`) : null;
  if (traceFile) {
    await page.context().browser()!.startTracing(page, {
      path: traceFile,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute', 'loading', 'toplevel', 'disabled-by-default-devtools.timeline.frame'],
    });
  }
  const from = await now(page);
  await act();
  await settle(page);
  const to = await now(page);
  if (traceFile) {
    await page.context().browser()!.stopTracing();
    tracing.lines.push(...formatTraceSummary(`${tracing.build}, ${step}`, summariseTrace(traceFile)));
  }
  const { inp, frames } = await page.evaluate(
    ({ from, to, floor }) => {
      const probe = (window as unknown as { __probe: { events: Array<{ id: number; start: number; duration: number }>; frames: Loaf[] } }).__probe;
      // No named helpers in here: the transpiler would wrap them in a function the page lacks.
      const inp = Math.max(floor, ...probe.events.filter((e) => e.start >= from && e.start <= to).map((e) => e.duration));
      return { inp, frames: probe.frames.filter((f) => f.start >= from && f.start <= to) };
    },
    { from, to, floor: MIN_REPORTED_MS },
  );
  if (loafs.on && (step === 'scroll browse' || step === 'open the filter sheet')) {
    for (const f of frames.filter((f) => f.duration > FRAME_TARGET_MS)) {
      loafs.lines.push(...formatLoaf(`${loafs.build} round ${loafs.round + 1}, ${step}, at +${Math.round(f.start - from)} ms`, f));
    }
  }
  return { inp, frame: Math.max(0, ...frames.map((f) => f.duration)) };
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  await context.addInitScript({ content: VITALS + PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const pageInp = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __probe: { inp: number } }).__probe.inp);

/** One round of the whole session against one server. */
async function round(browser: Browser, server: OwnServer, product: string): Promise<Round> {
  const result: Round = { inp: {}, frames: {}, pageInp: {} };

  const productPage = await openPage(browser, server.url + product);
  await productPage.getByTestId('add-to-cart').waitFor();
  await settle(productPage, 1500);
  const option = productPage.locator('label:has([data-testid="size-option"]:not([disabled])), label:has([data-testid="color-option"]:not([disabled]))');
  if ((await option.count()) > 1) result.inp['pick a variant'] = (await measure(productPage, () => option.nth(1).click(), 'pick a variant')).inp;
  result.inp['add to cart'] = (await measure(productPage, async () => {
    await productPage.getByTestId('add-to-cart').click();
    await productPage.getByTestId('toast').waitFor();
  }, 'add to cart')).inp;
  result.pageInp.product = await pageInp(productPage);
  await productPage.context().close();

  const browse = await openPage(browser, `${server.url}/mobiles/pr`);
  await browse.getByTestId('product-card').first().waitFor();
  await settle(browse, 1500);
  result.frames['scroll browse'] = (await measure(browse, async () => {
    for (let i = 0; i < 10; i++) {
      await browse.mouse.wheel(0, 400);
      await browse.waitForTimeout(120);
    }
  }, 'scroll browse')).frame;
  await browse.evaluate(() => window.scrollTo(0, 0));
  await settle(browse);
  const sheet = await measure(browse, async () => {
    await browse.getByTestId('filter-button').click();
    await browse.getByTestId('filter-sheet').waitFor();
  }, 'open the filter sheet');
  result.inp['open the filter sheet'] = sheet.inp;
  result.frames['open the filter sheet'] = sheet.frame;
  await browse.locator('[data-facet="brand"] input').first().check();
  await settle(browse);
  result.inp['apply a filter'] = (await measure(browse, async () => {
    await browse.getByTestId('filter-apply').click();
    await browse.waitForURL(/brand=/);
    await browse.getByTestId('product-card').first().waitFor();
  }, 'apply a filter')).inp;
  result.pageInp.browse = await pageInp(browse);
  await browse.context().close();

  const home = await openPage(browser, `${server.url}/`);
  await home.getByTestId('product-card').first().waitFor();
  await settle(home, 1500);
  result.inp['type in search'] = (await measure(home, async () => {
    await home.getByTestId('search-input').click();
    await home.getByTestId('search-input').pressSequentially('samsung phone', { delay: 120 });
  }, 'type in search')).inp;
  result.pageInp.home = await pageInp(home);
  await home.context().close();
  return result;
}

const p50 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;
const fmt = (values: number[]): string => (values.length ? `${String(Math.round(p50(values))).padStart(5)} ${String(Math.round(Math.max(...values))).padStart(5)}` : '    -     -');

function report(name: string, rounds: Round[], baseline: Round[] | null): number {
  let missed = 0;
  const line = (label: string, pick: (r: Round) => number | undefined, target: number): void => {
    const values = rounds.map(pick).filter((v): v is number => v !== undefined);
    const base = baseline?.map(pick).filter((v): v is number => v !== undefined) ?? [];
    // A baseline p50 of 0 (no frame over the target in most rounds) has no ratio: show its figures only.
    const times = base.length && values.length && p50(base) > 0 ? `${(p50(values) / p50(base)).toFixed(2)}× ` : '';
    const ratio = base.length && values.length ? `  ${times}baseline (${fmt(base).trim().replace(/ +/, ' / ')})` : '';
    const ok = values.length > 0 && Math.max(...values) <= target;
    if (!ok) missed++;
    console.log(`  ${label.padEnd(30)} ${fmt(values)}   ≤ ${target} ms ${ok ? 'met' : 'MISSED'}${ratio}`);
  };
  console.log(`\n${name}: interactions (INP, ms)          p50   max`);
  for (const step of ['pick a variant', 'add to cart', 'open the filter sheet', 'apply a filter', 'type in search'] as Step[]) line(step, (r) => r.inp[step], INP_TARGET_MS);
  for (const page of ['product', 'browse', 'home']) line(`web-vitals INP, ${page} page`, (r) => r.pageInp[page], INP_TARGET_MS);
  console.log(`${name}: longest animation frame (ms)`);
  for (const step of ['scroll browse', 'open the filter sheet'] as FrameStep[]) line(step, (r) => r.frames[step], FRAME_TARGET_MS);
  return missed;
}

/** The catalog answers the session shows: the browse listing's first pages (a scroll reaches the third), its first brand, home. */
async function sessionAnswers(base: string): Promise<string[]> {
  const first = (await (await fetch(`${base}/api/catalog/browse/mobiles?page=1&pageSize=24`)).json()) as { facets: { brand: Array<{ value: string }> } };
  const brand = first.facets.brand[0]?.value;
  return [1, 2, 3].map((page) => `catalog/browse/mobiles?page=${page}&pageSize=24`).concat(brand ? [`catalog/browse/mobiles?brand=${encodeURIComponent(brand)}&page=1&pageSize=24`] : [], ['catalog/home']);
}

/** Turns every picture the session shows into a photo (see the header); returns how many. */
async function settleSessionPhotos(server: OwnServer, product: string): Promise<number> {
  await settlePhotos(server.url, ['/', '/mobiles/pr', product]);
  return settleListingPhotos(server.url, await sessionAnswers(server.url));
}

async function main(): Promise<void> {
  const baselineAt = process.argv.indexOf('--baseline');
  const baselineDist = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;
  const traceAt = process.argv.indexOf('--trace');
  tracing.dir = traceAt > 0 ? path.resolve(process.argv[traceAt + 1]!) : null;
  if (tracing.dir) fs.mkdirSync(tracing.dir, { recursive: true });
  const drawings = process.argv.includes('--drawings');
  loafs.on = process.argv.includes('--loaf');
  const server = await startOwnServer();
  const baseServer = baselineDist ? await startOwnServer({ distDir: baselineDist }) : null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const [product] = await productPaths(server.url, 'shirt', 1);
    const current: Round[] = [];
    const base: Round[] = [];
    let pictures = 'the seeded drawings (SVG), as a fresh shop shows them';
    if (!drawings) {
      const counts = await Promise.all([server, ...(baseServer ? [baseServer] : [])].map((s) => settleSessionPhotos(s, product!)));
      pictures = `photos, as a running shop shows them (${counts[0]} listing pictures and each page's first screen settled first)`;
    }
    console.log(`INP at ${CPU_SLOWDOWN}× CPU slowdown, phone viewport, ${ROUNDS} rounds${baseServer ? ', alternating with the baseline build' : ''}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`pictures: ${pictures}`);
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which build goes first, so a burst of load on the machine hits both alike.
      const traced = (build: string): void => {
        tracing.build = i === 0 ? build : '';
        loafs.build = build;
        loafs.round = i;
      };
      if (baseServer && i % 2 === 1) { traced('baseline'); base.push(await round(browser, baseServer, product!)); }
      traced('this-build');
      current.push(await round(browser, server, product!));
      if (baseServer && i % 2 === 0) { traced('baseline'); base.push(await round(browser, baseServer, product!)); }
    }
    if (tracing.dir) console.log(`\nmain thread per step (first round of each build; traces in ${tracing.dir}):\n${tracing.lines.join('\n')}`);
    if (loafs.on) console.log(`\nlong animation frames over ${FRAME_TARGET_MS} ms (scripts: invoker, forced style+layout, source):\n${loafs.lines.join('\n') || '  none'}`);
    const missed = report('this build', current, baseServer ? base : null);
    if (baseServer) report('baseline build', base, null);
    console.log(`\n  load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${missed ? `${missed} target(s) missed` : 'every target met'}`);
    if (missed) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
    await baseServer?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
