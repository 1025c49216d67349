/**
 * Offline, on a phone: a product is added to the cart and a cash-on-delivery order is placed with
 * no network at all. Both wait in the outbox (IndexedDB) and are shown at once; back online they
 * are replayed in order, and the server ends up with exactly one order, holding that product.
 * Once as Safari does it (no Background Sync: the open page replays when it comes online), once
 * with the tab closed while offline (the next page to start, or Background Sync, replays).
 */
import type { Page } from '@playwright/test';
import { signUp } from './support/account-steps';
import { addFirstAddress, productToBuy } from './support/checkout-steps';
import { freshMobile } from './support/outbox';
import { expect, snap, test, unexpectedProblems } from './support/shop-page';
import { waitForController } from './support/worker-page';

interface OrderList {
  orders: Array<{ id: string; status: string; lines: Array<{ productId: string }> }>;
}

/** Signs up, saves an address and sees the product online; then, offline, adds it and queues a COD order. */
async function queueOrderOffline(page: Page, setOffline: (offline: boolean) => Promise<void>, product: { path: string }, seed: number, snapPage: ((name: string) => Promise<void>) | null): Promise<void> {
  // Not a journey about notifications: this shopper said "Not now" to them before (the offer would
  // otherwise come up on the second view of the product, over its buttons).
  await page.addInitScript(() => localStorage.setItem('sf.push.notNowUntil', String(Date.now() + 86_400_000)));
  await signUp(page, freshMobile(seed));
  await waitForController(page);

  // Online first, as a shopper would have been: an address saved in checkout, the product seen.
  await page.goto('/checkout/address');
  await addFirstAddress(page, 'Kiran Shah');
  await expect(page.getByTestId('empty-cart')).toBeVisible();
  await page.goto(product.path);
  await expect(page.getByTestId('add-to-cart')).toBeEnabled();

  await setOffline(true);
  await page.goto(product.path);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('toast')).toContainText('It will sync when you’re back online');
  await expect(page.getByTestId('cart-badge')).toHaveText('1');

  await page.getByTestId('cart-link').click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('offline-note')).toBeVisible();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('line-pending')).toContainText('back online');
  await snapPage?.('1-cart-offline');

  await page.getByTestId('place-order').click();
  await expect(page.getByTestId('address-option')).toHaveCount(1);
  await page.getByTestId('deliver-here').click();
  await expect(page).toHaveURL(/\/checkout\/summary$/);
  await expect(page.getByTestId('offline-note')).toContainText('prices you last saw');
  await expect(page.getByTestId('order-item')).toHaveCount(1);
  await page.getByTestId('summary-continue').click();
  await expect(page.getByTestId('pay-option-test-gateway').locator('input')).toBeDisabled();
  await page.getByTestId('pay-option-cod').click();
  await page.getByTestId('pay-confirm-cod').click();
  await expect(page.getByTestId('order-queued')).toContainText('Queued: we’ll place it when you’re back online');
  await snapPage?.('2-order-queued');
}

/** Ops still in the outbox of the page's origin. */
function queuedOps(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sf-outbox');
        open.onsuccess = () => {
          const count = open.result.transaction('ops').objectStore('ops').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

const ordersOf = (page: Page): Promise<OrderList> => page.evaluate(() => fetch('/api/orders').then((res) => res.json() as Promise<OrderList>));
/** Requests that failed while offline are the point of these tests. */
const offlineNoise = (list: string[]): string[] => list.filter((p) => !/net::ERR_(INTERNET_DISCONNECTED|FAILED)/.test(p));

test('without Background Sync (as on Safari) the open page places the queued cart change and order exactly once when it comes back online', async ({ page, context, baseURL, problems }, testInfo) => {
  // Safari has no Background Sync: hide it, so only the page's own triggers can replay.
  await context.addInitScript(() => {
    delete (ServiceWorkerRegistration.prototype as { sync?: unknown }).sync;
  });
  const product = await productToBuy(baseURL!, 7);
  await queueOrderOffline(page, (offline) => context.setOffline(offline), product, 41, (name) => snap(page, testInfo, name));

  // Back online: the add, then the order, each once; the page follows the order to its confirmation.
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/checkout\/confirmation\/OD\d{18}$/, { timeout: 20_000 });
  await expect(page.getByTestId('order-outcome')).toHaveAttribute('data-outcome', 'placed');
  await snap(page, testInfo, '3-confirmation');

  const orders = await ordersOf(page);
  expect(orders.orders).toHaveLength(1);
  expect(orders.orders[0]!.lines.map((line) => line.productId)).toEqual([product.id]);

  // Nothing is left to send: a reload (which replays on start) places nothing more.
  expect(await queuedOps(page)).toBe(0);
  await page.reload();
  await expect(page.getByTestId('order-outcome')).toBeVisible();
  expect((await ordersOf(page)).orders.map((o) => o.id)).toEqual(orders.orders.map((o) => o.id));

  // The order took its line out of the cart, so the cart is empty again.
  const cart = await page.evaluate(() => fetch('/api/cart').then((res) => res.json() as Promise<{ lines: unknown[] }>));
  expect(cart.lines).toEqual([]);
  expect(unexpectedProblems({ list: offlineNoise(problems.list) }, [{ status: 401, url: /\/api\/account\/me$/ }])).toEqual([]);
});

test('an order queued in a tab closed while offline is placed exactly once after the shopper is back online', async ({ context, baseURL }) => {
  const product = await productToBuy(baseURL!, 8);
  const page = await context.newPage();
  await queueOrderOffline(page, (offline) => context.setOffline(offline), product, 42, null);
  await page.close();

  // Back online with no tab open (Background Sync may replay now), then the shop opened again.
  await context.setOffline(false);
  const next = await context.newPage();
  await next.goto('/');
  await expect.poll(async () => (await ordersOf(next)).orders.length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => queuedOps(next)).toBe(0);
  const orders = await ordersOf(next);
  expect(orders.orders[0]!.lines.map((line) => line.productId)).toEqual([product.id]);
  // However many replays ran (page start, coming online, the worker's sync), one order.
  await next.reload();
  await next.waitForLoadState('load');
  expect((await ordersOf(next)).orders).toHaveLength(1);
});
