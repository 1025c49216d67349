/**
 * Fixtures for shopper journeys: every page is watched for console errors (hydration mismatches
 * are reported there) and failed requests, and a test can ask where a response came from.
 */
import { test as base, expect, type CDPSession, type Page, type TestInfo } from '@playwright/test';

export interface Problems {
  list: string[];
}

/** Requests whose failure is part of a journey (an unknown product is a 404 by design). */
const EXPECTED_FAILURES = [/\/api\/catalog\/products\/itm0{13}$/];

/**
 * Offline, a picture the worker never cached cannot load (a seeded photo may be made after the
 * page first showed its drawing): the card keeps its placeholder, and the browser logs the miss,
 * as a disconnected network, or as a failed fetch when the worker's cache-first route answered it.
 * The second is accepted only once the journey has gone offline, so online it still counts.
 */
function isOfflinePictureMiss(text: string, url: string, wentOffline: boolean): boolean {
  if (!/\/img\//.test(url)) return false;
  return text.includes('net::ERR_INTERNET_DISCONNECTED') || (wentOffline && text.includes('net::ERR_FAILED'));
}

export const test = base.extend<{ problems: Problems }>({
  problems: async ({ page, context }, use) => {
    const problems: Problems = { list: [] };
    let wentOffline = false;
    const setOffline = context.setOffline.bind(context);
    context.setOffline = (offline: boolean) => {
      wentOffline ||= offline;
      return setOffline(offline);
    };
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        const url = message.location().url;
        if (isOfflinePictureMiss(message.text(), url, wentOffline)) return;
        if (!EXPECTED_FAILURES.some((pattern) => pattern.test(url))) problems.list.push(`${message.type()}: ${message.text()} (${url})`);
      }
    });
    page.on('pageerror', (error) => problems.list.push(`uncaught: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && !EXPECTED_FAILURES.some((pattern) => pattern.test(response.url()))) {
        problems.list.push(`${response.status()} ${response.url()}`);
      }
    });
    await use(problems);
  },
});

export { expect };

/** Saves a full-page screenshot as a test artifact. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  // Written into the test's output folder (kept as an artifact of every run) and attached to the report.
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Records, per URL, whether the browser took the response from its HTTP cache. */
export async function watchCache(page: Page): Promise<{ fromCache: Map<string, boolean>; session: CDPSession }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  const fromCache = new Map<string, boolean>();
  const urls = new Map<string, string>();
  session.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  session.on('Network.requestServedFromCache', (event) => {
    const url = urls.get(event.requestId);
    if (url) fromCache.set(url, true);
  });
  session.on('Network.responseReceived', (event) => {
    if (!fromCache.has(event.response.url)) fromCache.set(event.response.url, event.response.fromDiskCache || event.response.fromPrefetchCache === true);
  });
  return { fromCache, session };
}

/** Sum of layout shifts since the page loaded (Cumulative Layout Shift without session windows). */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 200);
      }),
  );
}

/**
 * The problems left once a journey's expected API refusals are set aside: each is matched by its
 * status and URL, in both forms the fixture records it (the response, and the console's
 * "Failed to load resource" line), so nothing else a test did wrong slips through.
 */
export function unexpectedProblems(problems: Problems, expected: ReadonlyArray<{ status: number; url: RegExp }>): string[] {
  return problems.list.filter((problem) => {
    const seen = /^(\d{3}) (\S+)$/.exec(problem) ?? /status of (\d{3}) .*\((\S+)\)$/.exec(problem);
    return !(seen && expected.some(({ status, url }) => Number(seen[1]) === status && url.test(seen[2] ?? '')));
  });
}
