/**
 * The shop's own events: pages keep what they track while the phone is offline (in IndexedDB,
 * sending nothing), and the events reach the analytics once it is back online, or on the next load.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { operatorHeaders } from './support/data-dir';
import { expect, test } from './support/shop-page';
import { waitForController } from './support/worker-page';

/** Events of one browser tab's session, by Foxtrot `count`. */
async function countEvents(request: APIRequestContext, session: string, filters: Array<Record<string, unknown>>): Promise<number> {
  const res = await request.post('/foxtrot/v1/analytics', {
    headers: operatorHeaders(),
    data: { opcode: 'count', table: 'storefront', bypassCache: true, filters: [{ operator: 'equals', field: 'session', value: session }, ...filters] },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { count: number }).count;
}

/** Events waiting in the page's IndexedDB. */
function storedEvents(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sf-telemetry');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return resolve(0);
          const count = db.transaction('events').objectStore('events').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
}

/**
 * Home, then a category and back while online, so the category's data and pictures are in the
 * worker's caches for the offline visit. The worker must control the page first: what the page
 * fetched before that is only in the HTTP cache, which may not answer offline.
 */
async function openHomeAndBrowse(page: Page): Promise<string> {
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await waitForController(page);
  const category = page.locator('[data-testid="category-link"][data-slug="mobiles"]');
  await category.click();
  await expect(page).toHaveURL(/\/mobiles\/pr$/);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('category-link').first()).toBeVisible();
  const session = await page.evaluate(() => sessionStorage.getItem('sf-session'));
  expect(session, 'the telemetry client started with a session').toBeTruthy();
  return session!;
}

/** Client-side navigation while offline: a page view of the category, then of home. */
async function browseOffline(page: Page): Promise<void> {
  await page.locator('[data-testid="category-link"][data-slug="mobiles"]').click();
  await expect(page).toHaveURL(/\/mobiles\/pr$/);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('category-link').first()).toBeVisible();
}

const offlinePageViews = [
  { operator: 'equals', field: 'eventType', value: 'PAGE_VIEW' },
  { operator: 'equals', field: 'online', value: false },
];

test('page views made offline are kept and reach the analytics when the network returns', async ({ page, context, problems, request }) => {
  const session = await openHomeAndBrowse(page);
  const telemetryRequests: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/foxtrot/')) telemetryRequests.push(req.url());
  });

  await context.setOffline(true);
  await browseOffline(page);
  // The batch timer moves them from memory to IndexedDB while offline.
  await expect.poll(() => storedEvents(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  expect(telemetryRequests, 'nothing is sent while offline').toEqual([]);

  await context.setOffline(false);
  await expect.poll(() => countEvents(request, session, offlinePageViews), { timeout: 20_000 }).toBe(2);
  await expect.poll(() => storedEvents(page)).toBe(0);
  expect(await countEvents(request, session, [{ operator: 'equals', field: 'eventType', value: 'APP_LOAD' }, { operator: 'equals', field: 'routeType', value: 'home' }])).toBe(1);
  expect(problems.list).toEqual([]);
});

test('events stored when a page closed offline are sent by the next page load', async ({ page, context, problems, request }) => {
  const session = await openHomeAndBrowse(page);
  await context.setOffline(true);
  await browseOffline(page);
  await expect.poll(() => storedEvents(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  const next = await context.newPage();
  await page.close();
  expect(problems.list).toEqual([]);
  await context.setOffline(false);

  await next.goto('/');
  await expect(next.getByTestId('category-link').first()).toBeVisible();
  await expect.poll(() => countEvents(request, session, offlinePageViews), { timeout: 20_000 }).toBe(2);
  await expect.poll(() => storedEvents(next)).toBe(0);
});
