/**
 * Product photos against today's drawings, in the same run:
 * 1. A first visit to a browse page (phone viewport, 2× screen, 4× CPU slowdown, slow 4G): image bytes,
 *    main-thread busy time and LCP, for a server showing SVG drawings (SEED_PHOTOS=off, the build
 *    before photos) and one whose page-one drawings went through the photo pipeline. Interleaved
 *    rounds, medians.
 * 2. Processing: images per second for a batch of uploads through the worker pool (one worker, then
 *    two), and the process's peak memory (resident set, worker threads included) over its idle size.
 * 3. Lighthouse LCP of both browse pages, only on a quiet machine (1-minute load below 1.5, or
 *    BENCH_LIGHTHOUSE=1); otherwise it says it was skipped and why.
 * Run: npx tsx bench/images.ts   (after npm run build)
 */
import os from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import pino from 'pino';
import type { BrowseResult } from '../shared/api-types';
import { ellipse, paintPhoto, rect, vignette } from '../server/images/palette/painted-photo';
import { renderStudioPhoto, studioSvg } from '../server/images/seed/studio-photo';
import { PhotoPool } from '../server/images/worker/photo-pool';
import { startOwnServer, type OwnServer } from '../e2e/support/own-server';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BROWSE = '/mobiles/pr';
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

interface Visit {
  imageBytes: number;
  images: number;
  mainThreadMs: number;
  lcpMs: number;
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One fresh first visit (new context: no cache, no worker). */
async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const types = new Map<string, string>();
  let imageBytes = 0;
  let images = 0;
  // Placeholders are data: URLs inside the API answer: counted there, not as image requests.
  session.on('Network.responseReceived', (event) => types.set(event.requestId, event.response.url.startsWith('http') ? event.type : 'inline'));
  session.on('Network.loadingFinished', (event) => {
    if (types.get(event.requestId) !== 'Image') return;
    imageBytes += event.encodedDataLength;
    images++;
  });
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', SLOW_4G);
  await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await session.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="product-card"]');
  await page.waitForLoadState('networkidle');
  const lcpMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)!.startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  const { metrics } = await session.send('Performance.getMetrics');
  const mainThreadMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  await context.close();
  return { imageBytes, images, mainThreadMs, lcpMs };
}

/** Turns the first browse page's drawings into photos on the server, and waits until the API shows them. */
async function processFirstPage(server: OwnServer): Promise<number> {
  const api = `${server.url}/api/catalog/browse/mobiles?page=1&pageSize=24`;
  const first = (await (await fetch(api)).json()) as BrowseResult;
  await Promise.all(first.products.map((p) => fetch(server.url + p.image.url).then((res) => res.arrayBuffer())));
  const started = performance.now();
  for (;;) {
    const now = (await (await fetch(api)).json()) as BrowseResult;
    if (now.products.every((p) => p.image.photo)) return (performance.now() - started) / 1000;
    if (performance.now() - started > 600_000) throw new Error('page one did not become photos within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function pageWeight(): Promise<void> {
  const before = await startOwnServer({ env: { SEED_PHOTOS: 'off' } });
  const after = await startOwnServer({ env: { SEED_PHOTOS: 'demand', IMAGE_WORKERS: '2' } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const seconds = await processFirstPage(after);
    console.log(`Page one of ${BROWSE} (24 products) became photos in ${seconds.toFixed(0)} s on two workers.\n`);
    const runs: Record<'before' | 'after', Visit[]> = { before: [], after: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.before.push(await visit(browser, before.url + BROWSE));
      runs.after.push(await visit(browser, after.url + BROWSE));
    }
    const row = (label: string, pick: (v: Visit) => number, unit: (n: number) => string) => {
      const b = median(runs.before.map(pick));
      const a = median(runs.after.map(pick));
      console.log(`  ${label.padEnd(24)} ${unit(b).padStart(12)} ${unit(a).padStart(12)}   ${(a / b).toFixed(2)}×`);
    };
    console.log(`First visit to ${BROWSE}: 412×915 at 2×, 4× CPU slowdown, slow 4G; medians of ${ROUNDS}\n`);
    console.log('                           SVG drawings       photos   after/before');
    row('image bytes', (v) => v.imageBytes, (n) => `${(n / 1024).toFixed(1)} KB`);
    row('image requests', (v) => v.images, (n) => String(n));
    row('main-thread busy time', (v) => v.mainThreadMs, (n) => `${n.toFixed(0)} ms`);
    row('LCP', (v) => v.lcpMs, (n) => `${n.toFixed(0)} ms`);
    await lighthouseBoth(before, after);
  } finally {
    await browser.close();
    await before.stop();
    await after.stop();
  }
}

async function lighthouseBoth(before: OwnServer, after: OwnServer): Promise<void> {
  const load = os.loadavg()[0]!;
  if (load >= 1.5 && process.env.BENCH_LIGHTHOUSE !== '1') {
    console.log(`\nLighthouse LCP: skipped, the machine is not quiet (1-minute load ${load.toFixed(1)} on ${os.cpus().length} cores); BENCH_LIGHTHOUSE=1 runs it anyway.`);
    return;
  }
  const chromeLauncher = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    console.log(`\nLighthouse mobile (simulated throttling), ${BROWSE}, median of 5 (1-minute load ${load.toFixed(1)})`);
    for (const [label, server] of [['SVG drawings', before], ['photos', after]] as const) {
      const runs: Array<{ lcp: number; score: number; index: number }> = [];
      for (let run = 0; run < 5; run++) {
        const result = await lighthouse(server.url + BROWSE, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
        const lhr = result!.lhr;
        runs.push({ lcp: lhr.audits['largest-contentful-paint']!.numericValue ?? 0, score: Math.round((lhr.categories.performance?.score ?? 0) * 100), index: lhr.environment.benchmarkIndex });
      }
      runs.sort((a, b) => a.lcp - b.lcp);
      const mid = runs[2]!;
      console.log(`  ${label.padEnd(14)} LCP ${(mid.lcp / 1000).toFixed(2)} s, score ${mid.score} (scores ${runs.map((r) => r.score).join(', ')}; benchmark index ${mid.index.toFixed(0)})`);
    }
  } finally {
    chrome.kill();
  }
}

/** A batch of uploads like an operator's: painted photos (1600×1200 JPEG) and studio renders of drawings. */
async function uploadBatch(count: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const colours = ['#c8302f', '#1f2f57', '#2f8a57', '#d9a521', '#8c8f94', '#f2f2f2'];
  for (let n = 0; n < count; n++) {
    const hex = colours[n % colours.length]!;
    out.push(
      n % 2 === 0
        ? await paintPhoto({ size: 1200, background: vignette('#fafafa', 0.1), shapes: [ellipse(0.5, 0.5, 0.3, 0.2, hex, 0.05), rect(0.25, 0.55, 0.75, 0.65, '#ffffff')], noise: 3 })
        : await renderStudioPhoto(studioSvg({ kind: 'shoe', shots: [{ hex, view: 0, alt: 'shoe' }] }, 0)!),
    );
  }
  return out;
}

async function throughput(): Promise<void> {
  const batch = await uploadBatch(12);
  const logger = pino({ level: 'silent' });
  console.log(`\nProcessing a batch of ${batch.length} uploads (1200×1200: check, normalize, 5 widths × AVIF+WebP, placeholder, palette)\n`);
  let single = 0;
  for (const size of [1, 2]) {
    const idle = process.memoryUsage().rss;
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const pool = new PhotoPool({ size, maxQueue: batch.length, logger });
    const started = performance.now();
    const outcomes = await Promise.all(batch.map((bytes) => pool.run({ kind: 'upload', bytes }, 'upload')));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    await pool.close();
    if (outcomes.some((o) => !o.ok)) throw new Error(`a job failed: ${JSON.stringify(outcomes.find((o) => !o.ok))}`);
    const rate = batch.length / seconds;
    if (size === 1) single = rate;
    console.log(`  ${size} worker${size > 1 ? 's' : ' '}  ${rate.toFixed(2)} images/s   (${(seconds / batch.length).toFixed(2)} s each)   ${(rate / single).toFixed(2)}× one worker   peak memory +${((peak - idle) / 1024 / 1024).toFixed(0)} MB over ${(idle / 1024 / 1024).toFixed(0)} MB idle`);
  }
}

async function main(): Promise<void> {
  await pageWeight();
  await throughput();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
