/**
 * The shopper's main journey on a phone: home → browse a category → filter by brand → product →
 * add to cart → cart (another app, reusing the cached vendors bundle) → change quantity.
 */
import { expect, layoutShift, snap, test, watchCache } from './support/shop-page';

test('a shopper finds a phone by brand, adds it to the cart and changes the quantity', async ({ page, problems }, testInfo) => {
  const { fromCache } = await watchCache(page);
  // Once the service worker controls the page, it answers the bundles instead of the HTTP cache.
  const fromWorker = new Set<string>();
  page.on('response', (response) => {
    if (response.fromServiceWorker()) fromWorker.add(response.url());
  });

  await page.goto('/');
  await expect(page.getByTestId('category-link').first()).toBeVisible();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-release', /^home-browse-product:/);
  await snap(page, testInfo, '1-home');

  await page.locator('[data-testid="category-link"][data-slug="mobiles"]').click();
  await expect(page).toHaveURL(/\/mobiles\/pr$/);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  const allCount = await page.getByTestId('result-count').textContent();
  await snap(page, testInfo, '2-browse');

  await page.getByTestId('filter-button').click();
  await expect(page.getByTestId('filter-sheet')).toBeVisible();
  await page.locator('[data-facet="brand"][data-value="Samsung"] input').check();
  await snap(page, testInfo, '3-filter-sheet');
  await page.getByTestId('filter-apply').click();
  await expect(page).toHaveURL(/brand=Samsung/);
  await expect(page.getByTestId('result-count')).not.toHaveText(allCount ?? '');
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toContainText('Samsung');
  for (const text of await cards.allTextContents()) expect(text).toContain('Samsung');
  await snap(page, testInfo, '4-browse-filtered');

  await cards.first().click();
  await expect(page).toHaveURL(/\/p\/itm[0-9a-f]{13}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Samsung');
  await expect(page.getByTestId('add-to-cart')).toBeEnabled();
  expect(await layoutShift(page)).toBeLessThan(0.1);
  await snap(page, testInfo, '5-product');

  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('toast')).toContainText(/added to (your )?cart/i);
  await expect(page.getByTestId('cart-badge')).toHaveText('1');
  await snap(page, testInfo, '6-added');

  const vendorsUrl = await page.locator('script[src*="/static/vendors/"]').getAttribute('src');
  await page.getByTestId('cart-link').click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.locator('html')).toHaveAttribute('data-release', /^checkout:/);
  const line = page.getByTestId('cart-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('Samsung');
  const before = await page.getByTestId('price-total').textContent();
  await page.getByTestId('qty-increase').click();
  await expect(page.getByTestId('qty-value')).toHaveText('2');
  await expect(page.getByTestId('price-total')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('cart-badge')).toHaveText('2');
  await snap(page, testInfo, '7-cart');

  // The checkout app ran on the vendors bundle the product page had already downloaded.
  expect(vendorsUrl).toBeTruthy();
  const vendorsAbsolute = new URL(vendorsUrl!, page.url()).href;
  expect(fromCache.get(vendorsAbsolute) === true || fromWorker.has(vendorsAbsolute), `vendors bundle came from the browser cache or the service worker on /cart`).toBe(true);

  await page.reload();
  await expect(page.getByTestId('qty-value')).toHaveText('2');
  await page.getByTestId('remove-line').click();
  await expect(page.getByTestId('empty-cart')).toBeVisible();

  expect(problems.list).toEqual([]);
});

test('unknown pages and products get the shop\'s own friendly pages', async ({ page, problems }, testInfo) => {
  const res = await page.goto('/no/such/page');
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await snap(page, testInfo, 'not-found');
  problems.list = problems.list.filter((p) => !p.includes('/no/such/page'));

  await page.goto('/some-phone/p/itm0000000000000');
  await expect(page.getByTestId('product-not-found')).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('search suggests as the shopper types and shows results', async ({ page, problems }, testInfo) => {
  await page.goto('/');
  await page.getByTestId('search-input').fill('sams');
  await expect(page.getByTestId('suggestion').first()).toBeVisible();
  await snap(page, testInfo, 'suggestions');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=sams/);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await snap(page, testInfo, 'search-results');
  expect(problems.list).toEqual([]);
});
