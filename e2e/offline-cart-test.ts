/**
 * The cart in airplane mode: the cart seen online opens offline with its lines, count and totals,
 * says it may be out of date and since when, keeps the header badge, links to pages that work
 * offline and holds back the buying actions that need the network. The home rails' pictures seen
 * online are there offline too.
 */
import type { Page } from '@playwright/test';
import { addToCart, productToBuy } from './support/checkout-steps';
import { startOwnServer, type OwnServer } from './support/own-server';
import { expect, snap, test } from './support/shop-page';
import { cachedUrls, waitForController } from './support/worker-page';

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => server?.stop());

/** The rail pictures the browser has finished loading: the URL it chose from each srcset, and its width. */
function loadedRailPictures(page: Page): Promise<Array<{ src: string; width: number }>> {
  return page.locator('.rail img').evaluateAll((images) =>
    (images as HTMLImageElement[]).filter((img) => img.complete && img.currentSrc !== '').map((img) => ({ src: img.currentSrc, width: img.naturalWidth })),
  );
}

/** Asks for the first pictures of the deals rail (shown without scrolling), which makes them photos, and waits for them. */
async function photosOnHome(): Promise<void> {
  type Rail = Array<{ image: { url: string; photo?: unknown } }>;
  const firstOfRails = async () => {
    const { deals } = (await (await fetch(`${server.url}/api/catalog/home`)).json()) as { deals: Rail };
    return deals.slice(0, 3);
  };
  // Before any page asks for them: the server makes each drawing a photo the first time it is fetched.
  for (const product of await firstOfRails()) await fetch(server.url + product.image.url);
  await expect.poll(async () => (await firstOfRails()).every((product) => product.image.photo), { timeout: 60_000 }).toBe(true);
}

test('home rail photos the browser chose from srcset on the first visit, before the worker, load offline from its cache', async ({ page, context, problems }, testInfo) => {
  test.setTimeout(120_000);
  await photosOnHome();
  await page.goto(`${server.url}/`);
  await waitForController(page);
  // The pictures were fetched before the worker controlled the page; home's data is asked for again
  // through the worker, as the next visit would.
  await page.evaluate(() => fetch('/api/catalog/home').then((res) => res.json()));
  await expect.poll(async () => (await loadedRailPictures(page)).filter((p) => p.width > 0 && /\/img\/v\d+\//.test(p.src)).length).toBeGreaterThanOrEqual(3);
  const online = (await loadedRailPictures(page)).filter((p) => p.width > 0);
  // The worker's picture cache, not the browser's HTTP cache, is what must hold them: empty the latter.
  const wanted = online.map((p) => new URL(p.src).pathname + new URL(p.src).search);
  await expect.poll(() => cachedUrls(page, 'sf-images-v1')).toEqual(expect.arrayContaining(wanted));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.rail img').first()).toBeVisible();
  await expect.poll(async () => (await loadedRailPictures(page)).length).toBeGreaterThanOrEqual(online.length);
  const offline = await loadedRailPictures(page);
  for (const picture of online) {
    expect(offline.find((p) => p.src === picture.src)?.width ?? 0, picture.src).toBeGreaterThan(0);
  }
  await snap(page, testInfo, '3-home-photos-offline');
  await context.setOffline(false);
  expect(problems.list.filter((p) => !/net::(ERR_FAILED|ERR_INTERNET_DISCONNECTED)/.test(p))).toEqual([]);
});

test('the last cart stays readable offline, with its badge, a dated note, links to cached pages and buying held back', async ({ page, context, problems }, testInfo) => {
  await page.goto(`${server.url}/`);
  await waitForController(page);
  // Home again, now through the worker, so its data is kept for offline visits.
  await page.reload();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  const product = await productToBuy(server.url, 3);
  await addToCart(page, server.url + product.path);
  await page.goto(`${server.url}/cart`);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-badge')).toHaveText('1');
  const total = await page.getByTestId('price-total').textContent();
  const title = await page.getByTestId('cart-line').locator('.cl-title').textContent();

  await context.setOffline(true);
  await page.goto(`${server.url}/cart`);
  await page.reload();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line')).toContainText(title!.trim());
  await expect(page.getByTestId('price-total')).toHaveText(total!);
  await expect(page.getByTestId('cart-badge')).toHaveText('1');
  const note = page.getByTestId('offline-cart-note');
  await expect(note).toContainText('may be out of date');
  await expect(note).toContainText(/Last updated (just now|\d+ minutes? ago|today at)/);
  await expect(note.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
  await expect(page.getByTestId('place-order')).toBeDisabled();
  await expect(page.getByTestId('place-order-blocked')).toContainText('offline');
  await snap(page, testInfo, '1-cart-offline');

  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expect(page.getByTestId('cart-badge')).toHaveText('1');
  await snap(page, testInfo, '2-home-offline');
  await context.setOffline(false);
  expect(problems.list.filter((p) => !/net::(ERR_FAILED|ERR_INTERNET_DISCONNECTED)/.test(p))).toEqual([]);
});
