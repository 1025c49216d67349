/**
 * Events a page sends as it goes away reach the analytics. Regression: while the service worker
 * controlled the page, Chromium cancelled the page-hide beacon (the worker's fetch handler was in
 * its path), so the final web vitals and anything tracked just before a navigation were lost.
 */
import type { APIRequestContext } from '@playwright/test';
import { operatorHeaders } from './support/data-dir';
import { expect, test } from './support/shop-page';

/** Events of one session with these fields, by Foxtrot `count`. */
async function countEvents(request: APIRequestContext, session: string, fields: Record<string, string | boolean>): Promise<number> {
  const filters = Object.entries({ session, ...fields }).map(([field, value]) => ({ operator: 'equals', field, value }));
  const res = await request.post('/foxtrot/v1/analytics', { headers: operatorHeaders(), data: { opcode: 'count', table: 'storefront', bypassCache: true, filters } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { count: number }).count;
}

test('events sent as the page is left for another app are counted, with the service worker in control', async ({ page, request, problems }) => {
  await page.goto('/mobiles/pr');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const session = await page.evaluate(() => sessionStorage.getItem('sf-session'));
  expect(session).toBeTruthy();

  // A load answered by the worker, then a product, then Buy now: it adds to the cart, tracks the
  // step and leaves for the checkout app at once.
  await page.reload();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.getByTestId('product-card').first().click();
  await expect(page.getByTestId('add-to-cart')).toBeEnabled();
  await page.getByTestId('buy-now').click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  const counted = (fields: Record<string, string | boolean>) => expect.poll(() => countEvents(request, session!, fields), { timeout: 15_000 });
  await counted({ eventType: 'CHECKOUT_STEP', step: 'add-to-cart' }).toBe(1);
  await counted({ eventType: 'PAGE_VIEW', routeType: 'product' }).toBe(1);
  // CLS is final only when a page is hidden: one for each of the two pages left (the reload, Buy now).
  await counted({ eventType: 'WEB_VITAL', metric: 'CLS' }).toBe(2);
  await counted({ eventType: 'APP_LOAD', routeType: 'browse', controlled: true }).toBe(1);
  expect(problems.list).toEqual([]);
});
