/**
 * In airplane mode: a product seen before opens with its data, one never seen shows the shop's
 * offline state inside its own layout, a search run before still works, and a page no route type
 * owns gets the offline page. The product cache forgets the least recently used beyond its bound.
 */
import { startOwnServer, type OwnServer } from './support/own-server';
import { expect, test } from './support/shop-page';
import { cachedUrls, productPaths, waitForController } from './support/worker-page';

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => server?.stop());

test('visited products and searches work offline; the rest says so inside the shop', async ({ page, context, problems }) => {
  const [visited, unvisited] = await productPaths(server.url, 'phone', 2);
  await page.goto(`${server.url}/`);
  await waitForController(page);
  await page.goto(server.url + visited!);
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  expect(title).toBeTruthy();
  await page.goto(`${server.url}/search?q=samsung`);
  await expect(page.getByTestId('product-card').first()).toBeVisible();

  await context.setOffline(true);
  await page.goto(server.url + visited!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);

  await page.goto(server.url + unvisited!);
  await expect(page.getByTestId('error-state')).toContainText('You are offline');
  await expect(page.locator('.shop-header')).toBeVisible();

  await page.goto(`${server.url}/search?q=samsung`);
  await expect(page.getByTestId('product-card').first()).toBeVisible();

  await page.goto(`${server.url}/no/such/page`);
  await expect(page.getByTestId('offline-page')).toContainText('You are offline');
  await expect(page.locator('.shop-header')).toBeVisible();
  await context.setOffline(false);
  // Failed fetches while offline are the point of this test.
  expect(problems.list.filter((p) => !/net::(ERR_FAILED|ERR_INTERNET_DISCONNECTED)/.test(p))).toEqual([]);
});

test('the product cache keeps the most recently used products and evicts the least recently used', async ({ page, context }) => {
  const paths = await productPaths(server.url, 'a', 26);
  expect(paths.length).toBe(26);
  await page.goto(`${server.url}/`);
  await waitForController(page);
  const apiPaths = paths.map((path) => `/api/catalog/products/${path.split('/').pop()}`);
  const view = (url: string) => page.evaluate((api) => fetch(api).then((res) => res.json()), url);
  const cached = () => cachedUrls(page, 'sf-products-v1');

  // Fill the cache to its bound (24), look at the first product again, then view two more.
  for (const api of apiPaths.slice(0, 24)) await view(api);
  await expect.poll(async () => (await cached()).length, { timeout: 10_000 }).toBe(24);
  await view(apiPaths[0]!);
  for (const api of apiPaths.slice(24)) await view(api);

  await expect.poll(async () => (await cached()).length, { timeout: 10_000 }).toBe(24);
  await expect.poll(cached, { timeout: 10_000 }).not.toContain(apiPaths[1]);
  const kept = await cached();
  expect(kept).not.toContain(apiPaths[2]);
  expect(kept).toContain(apiPaths[0]);
  expect(kept).toContain(apiPaths[25]);

  await context.setOffline(true);
  await page.goto(server.url + paths[25]!);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(false);
});
