/**
 * A repeat visit to a product page with the service worker: bytes of shell + JS + CSS that still
 * come from the network (target 0), and first contentful paint of the first visit vs the repeat,
 * on an emulated slow 4G network (150 ms RTT, 1.6 Mbit/s down), printed side by side.
 * Run: npx tsx bench/sw-repeat-visit.ts   (after npm run build)
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { startOwnServer } from '../e2e/support/own-server';
import { productPaths } from '../e2e/support/worker-page';

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const COUNTED = new Set(['Document', 'Script', 'Stylesheet']);

interface Visit {
  networkBytes: number;
  fromWorker: number;
  fcp: number;
}

/** Loads `url` in a new page of the context, throttled; returns what came from the network and FCP. */
async function visit(page: Page, session: CDPSession, url: string): Promise<Visit> {
  const kinds = new Map<string, { counted: boolean; network: boolean }>();
  let networkBytes = 0;
  let fromWorker = 0;
  session.on('Network.responseReceived', (event) => {
    const network = !event.response.fromServiceWorker && !event.response.fromDiskCache && !event.response.fromPrefetchCache;
    kinds.set(event.requestId, { counted: COUNTED.has(event.type), network });
    if (COUNTED.has(event.type) && event.response.fromServiceWorker) fromWorker++;
  });
  session.on('Network.loadingFinished', (event) => {
    const kind = kinds.get(event.requestId);
    if (kind?.counted && kind.network) networkBytes += event.encodedDataLength;
  });
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', SLOW_4G);
  await page.goto(url, { waitUntil: 'load' });
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  return { networkBytes, fromWorker, fcp };
}

async function main(): Promise<void> {
  const server = await startOwnServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const [product] = await productPaths(server.url, 'phone', 1);
    const url = server.url + product!;
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true, deviceScaleFactor: 2 });
    const firstPage = await context.newPage();
    const first = await visit(firstPage, await context.newCDPSession(firstPage), url);
    // Let the worker finish installing (precache) and take control, as it would between visits.
    await firstPage.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await firstPage.close();
    const repeatPage = await context.newPage();
    const repeat = await visit(repeatPage, await context.newCDPSession(repeatPage), url);
    await context.close();

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log('Product page on emulated slow 4G (150 ms RTT, 1.6 Mbit/s)\n');
    console.log('                                   first visit   repeat visit');
    console.log(`  shell + JS + CSS from network   ${kb(first.networkBytes).padStart(11)}   ${kb(repeat.networkBytes).padStart(12)}   (target 0)`);
    console.log(`  of them answered by the worker  ${String(first.fromWorker).padStart(11)}   ${String(repeat.fromWorker).padStart(12)}`);
    console.log(`  first contentful paint          ${`${first.fcp.toFixed(0)} ms`.padStart(11)}   ${`${repeat.fcp.toFixed(0)} ms`.padStart(12)}   (${(first.fcp / repeat.fcp).toFixed(1)}× faster)`);
    if (repeat.networkBytes > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
