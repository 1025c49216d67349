/**
 * Search that forgives and narrows: a typo is corrected and said so, results take the browse
 * filters (sheet, URL, removable chips, counts that follow each tick), suggestions keep the words
 * that tell listings apart and show the price, and the home rails' "View all" lead to listings.
 */
import { expect, snap, test } from './support/shop-page';

test('a typo is corrected, and the results are filtered with the browse sheet and chips', async ({ page, problems }, testInfo) => {
  await page.goto('/search?q=iphnoe');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Showing results for iphone');
  await expect(page.getByTestId('search-corrected')).toContainText('No results for iphnoe');
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toContainText('iPhone');
  await snap(page, testInfo, '1-corrected');

  await page.goto('/search?q=phone');
  await expect(cards.first()).toBeVisible();
  const allCount = await page.getByTestId('result-count').textContent();
  await page.getByTestId('filter-button').click();
  const sheet = page.getByTestId('filter-sheet');
  await expect(sheet).toBeVisible();
  const samsung = sheet.locator('[data-facet="brand"][data-value="Samsung"]');
  const samsungCount = Number(await samsung.locator('.fs-count').textContent());
  await samsung.locator('input').check();
  // The counts follow the draft before it is applied.
  await expect(page.getByTestId('filter-total')).toHaveText(`${samsungCount.toLocaleString('en-IN')} products match`);
  const rated = sheet.locator('[data-facet="rating"][data-value="4"]');
  await expect(rated.locator('.fs-count')).not.toHaveText('');
  await snap(page, testInfo, '2-search-filter-sheet');
  await page.getByTestId('filter-apply').click();
  await expect(page).toHaveURL(/\/search\?q=phone&brand=Samsung$/);
  await expect(page.getByTestId('result-count')).toContainText(`of ${samsungCount.toLocaleString('en-IN')} products`);
  for (const text of await cards.allTextContents()) expect(text).toContain('Samsung');
  const chip = page.getByTestId('filter-chip');
  await expect(chip).toHaveCount(1);
  await expect(chip).toHaveAccessibleName('Remove filter: Samsung');
  await snap(page, testInfo, '3-search-filtered');

  await chip.click();
  await expect(page).toHaveURL(/\/search\?q=phone$/);
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  await expect(page.getByTestId('result-count')).toHaveText(allCount ?? '');
  expect(problems.list).toEqual([]);
});

test('product suggestions show the whole title and the price', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByTestId('search-input').fill('galaxy');
  const product = page.locator('[data-testid="suggestion"].search-product').first();
  await expect(product).toBeVisible();
  const text = await product.locator('.search-option-text').textContent();
  // The listing's own words (colour, storage) are in the suggestion, not cut away.
  expect(text).toMatch(/\(.+, \d+ GB\)/);
  await expect(product.locator('.search-option-price')).toHaveText(/^₹[\d,]+$/);
  await snap(page, testInfo, 'suggestions');
});

test('letters typed into the search field before the page\'s scripts run are taken up', async ({ page }) => {
  // The bundles run after the first paint; hold the vendors bundle back until the shopper has typed.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/static/vendors/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.getByTestId('search-input').fill('galaxy');
  release();
  await expect(page.locator('[data-testid="suggestion"].search-product').first()).toBeVisible();
  await expect(page.getByTestId('search-input')).toHaveValue('galaxy');
});

test('the home rails lead to all their products', async ({ page }) => {
  await page.goto('/');
  const deals = page.getByTestId('deals');
  await expect(deals.getByTestId('product-card').first()).toBeVisible();
  await deals.getByTestId('view-all').click();
  await expect(page).toHaveURL(/\/search\?discount=30$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All products: 30% or more');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  for (const off of await page.locator('[data-testid="product-card"] .price-off').allTextContents()) expect(Number.parseInt(off, 10)).toBeGreaterThanOrEqual(30);
});
