/**
 * A page's first data request starts with its shell (`Link: preload`), and the page then takes that
 * answer instead of asking again: the server sees each data path exactly once per page load.
 */
import { expect, test, type Page } from '@playwright/test';
import { startOwnServer, type OwnServer } from './support/own-server';
import { productPaths } from './support/worker-page';

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => server?.stop());

// Each page in a browser of its own: a first visit, before any service worker answers navigations.
test('home, browse and product pages use the data their shell preloaded, fetching it once', async ({ browser }) => {
  const [product] = await productPaths(server.url, 'phone', 1);
  const itemId = product!.split('/').pop()!;
  const pages = [
    // What shows only once the data is in: cards, and the product's title (the shell has neither).
    { path: '/', data: '/api/catalog/home', ready: (page: Page) => page.getByTestId('product-card').first() },
    { path: '/mobiles/pr', data: '/api/catalog/browse/mobiles', ready: (page: Page) => page.getByTestId('product-card').first() },
    { path: product!, data: `/api/catalog/products/${itemId}`, ready: (page: Page) => page.getByRole('heading', { level: 1 }) },
  ];
  for (const { path, data, ready } of pages) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // An unused preload shows up as Chromium's console warning.
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    await server.resetRequests();
    const response = await page.goto(server.url + path);
    expect(response?.headers().link, path).toContain(`<${data}`);
    await expect(ready(page)).toBeVisible();
    const seen = await server.requests();
    expect(seen[data], `requests for ${path}: ${JSON.stringify(seen)}`).toBe(1);
    expect(warnings).toEqual([]);
    await context.close();
  }
});

test('a URL with a query string preloads nothing: its data depends on the query', async ({ page }) => {
  const response = await page.goto(`${server.url}/mobiles/pr?sort=price_asc`);
  expect(response?.headers().link).toBeUndefined();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
});
