/**
 * The product page's buying information: the price stays in sight in the buy bar, ratings split
 * over the stars with the reviews a page at a time, and similar products to compare.
 */
import type { BrowseResult, Product, ReviewsPage } from '../shared/api-types';
import { formatRupees } from '../shared/price';
import { expect, snap, test } from './support/shop-page';

test('reviews are paged and sorted, the buy bar shows the price, similar products are offered', async ({ page, request, problems }, testInfo) => {
  // A product with more reviews than one page holds.
  const phones = ((await (await request.get('/api/catalog/browse/mobiles?pageSize=48')).json()) as BrowseResult).products;
  const ids = phones.map((p) => p.id);
  let product: Product | null = null;
  for (const id of ids) {
    const candidate = (await (await request.get(`/api/catalog/products/${id}`)).json()) as Product;
    if (candidate.reviewCount > 5) {
      product = candidate;
      break;
    }
  }
  expect(product, 'a phone with more than 5 reviews').not.toBeNull();
  await page.goto(`/${product!.slug}/p/${product!.id}`);
  await expect(page.getByTestId('buybar-price')).toContainText(formatRupees(product!.price));

  const reviews = page.getByTestId('reviews');
  await reviews.scrollIntoViewIfNeeded();
  await expect(reviews.getByTestId('review')).toHaveCount(5);
  await expect(reviews.locator('.rv-bar-row')).toHaveCount(5);
  await expect(reviews).toContainText(`${product!.ratingCount.toLocaleString('en-IN')} ratings and ${product!.reviewCount.toLocaleString('en-IN')} reviews`);
  await snap(page, testInfo, 'reviews');
  await reviews.getByTestId('reviews-more').click();
  await expect(reviews.getByTestId('review')).toHaveCount(Math.min(10, product!.reviewCount));
  await expect(reviews.getByTestId('reviews-shown')).toHaveText(`${Math.min(10, product!.reviewCount)} of ${product!.reviewCount} reviews`);

  await reviews.getByTestId('review-sort').selectOption('negative');
  const lowest = ((await (await request.get(`/api/catalog/products/${product!.id}/reviews?sort=negative&pageSize=1`)).json()) as ReviewsPage).reviews[0]!;
  await expect(reviews.getByTestId('review').first()).toContainText(lowest.title);
  await expect(reviews.getByTestId('review')).toHaveCount(5);

  const similar = page.getByTestId('similar-products');
  await similar.scrollIntoViewIfNeeded();
  await expect(similar.getByTestId('product-card').first()).toBeVisible();
  await snap(page, testInfo, 'similar');
  await similar.getByTestId('product-card').first().click();
  await expect(page).not.toHaveURL(new RegExp(product!.id));
  await expect(page.getByTestId('add-to-cart')).toBeEnabled();
  // Another product opens at its top, its title in view.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  expect(problems.list).toEqual([]);
});
