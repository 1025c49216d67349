/**
 * Product families: a phone's colours and memory sizes are listings of their own. Choosing one on
 * the product page leads to its URL, title, price and stock without a full reload, and the cart
 * then holds exactly that listing.
 */
import type { APIRequestContext } from '@playwright/test';
import type { BrowseResult, FamilyMember, Product } from '../shared/api-types';
import { formatRupees } from '../shared/price';
import { expect, snap, test } from './support/shop-page';

/** A phone whose family has an in-stock listing of another colour with the same memory. */
async function phoneWithColourSibling(request: APIRequestContext): Promise<{ product: Product; sibling: FamilyMember }> {
  const phones = ((await (await request.get('/api/catalog/browse/mobiles?pageSize=48')).json()) as BrowseResult).products;
  for (const summary of phones) {
    const product = (await (await request.get(`/api/catalog/products/${summary.id}`)).json()) as Product;
    if (!product.inStock || !product.family?.axes.includes('Colour')) continue;
    const others = (m: Product['attributes']) => JSON.stringify(m.filter((a) => a.name !== 'Colour'));
    const sibling = product.family.members.find(
      (m) => m.id !== product.id && m.inStock && others(m.attributes) === others(product.attributes),
    );
    if (sibling) return { product, sibling };
  }
  throw new Error('no phone with an in-stock sibling of another colour');
}

test('choosing another colour leads to that listing, and the cart holds it', async ({ page, request, problems }, testInfo) => {
  const { product, sibling } = await phoneWithColourSibling(request);
  await page.goto(`/${product.slug}/p/${product.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.title);
  const selectors = page.getByTestId('family-selectors');
  await expect(selectors.locator('[data-axis="Colour"] [aria-current="true"]')).toHaveAttribute('data-value', product.attributes.find((a) => a.name === 'Colour')!.value);
  await snap(page, testInfo, 'family-selectors');
  // A marker on the window survives client-side navigation only.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const colour = sibling.attributes.find((a) => a.name === 'Colour')!.value;
  await page.evaluate(() => window.scrollTo(0, 200));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await selectors.locator(`[data-axis="Colour"] [data-value="${colour}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/p/${sibling.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sibling.title);
  await expect(selectors.locator('[data-axis="Colour"] [aria-current="true"]')).toHaveAttribute('data-value', colour);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  // The shopper's place on the page is kept: only the listing's details changed.
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await expect(page.locator('.product-info .price-now')).toHaveText(formatRupees(sibling.price));

  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('toast')).toHaveText('Added to cart');
  await page.goto('/cart');
  const line = page.getByTestId('cart-line');
  await expect(line).toHaveCount(1);
  await expect(line.locator('.cl-title')).toHaveText(sibling.title);
  // A phone's colour is its listing: the line has no variant text that could disagree with the title.
  await expect(line.locator('.cl-variant')).toHaveCount(0);
  expect(problems.list).toEqual([]);
});

test('combinations the family does not list are shown as such, and still lead somewhere', async ({ page, request }) => {
  const phones = ((await (await request.get('/api/catalog/browse/mobiles?pageSize=48')).json()) as BrowseResult).products;
  for (const summary of phones) {
    await page.goto(`/${summary.slug}/p/${summary.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(summary.title);
    const other = page.locator('[data-testid="family-option"][data-state="other-combination"]');
    if ((await other.count()) === 0) continue;
    const option = other.first();
    await expect(option).toHaveAccessibleName(/not available with your other choices/);
    const value = await option.getAttribute('data-value');
    const axis = await option.locator('xpath=ancestor::*[@data-axis][1]').getAttribute('data-axis');
    await option.click();
    await expect(page.locator(`[data-axis="${axis}"] [aria-current="true"]`)).toHaveAttribute('data-value', value!);
    return;
  }
  throw new Error('no phone with an unlisted combination among the first 48');
});
