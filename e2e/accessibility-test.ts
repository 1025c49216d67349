/**
 * WCAG 2.2 AA on every page type of the shop, checked with axe-core (no serious or critical
 * violation), plus what axe cannot see: visible, unclipped focus rings on product cards and the
 * yellow Add to cart button, 44 px tap targets, and a logo named by its visible words.
 */
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, snap, test } from './support/shop-page';

/** The focus ring of the focused element: its outline, and whether an ancestor clips what lies outside the element. */
function focusRing(locator: Locator): Promise<{ style: string; width: number; offset: number; clippedOutside: boolean }> {
  return locator.evaluate((el) => {
    const css = getComputedStyle(el);
    let clippedOutside = false;
    for (let parent = el.parentElement; parent; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflow !== 'visible') clippedOutside = true;
    }
    return { style: css.outlineStyle, width: parseFloat(css.outlineWidth), offset: parseFloat(css.outlineOffset), clippedOutside };
  });
}

/** Moves the focus to `target` with the keyboard from `from`, the element just before (or after) it, as :focus-visible needs. */
async function keyTo(page: Page, from: Locator, key: 'Tab' | 'Shift+Tab', target: Locator): Promise<void> {
  await from.focus();
  await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

const minSide = async (locator: Locator): Promise<number> => {
  const box = (await locator.boundingBox())!;
  return Math.min(box.width, box.height);
};

test('home, browse, search and the filter sheet pass axe; focus rings on cards are drawn inside them', async ({ page }, testInfo) => {
  // axe reads the whole page seven times over.
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  // The logo is named by the words it shows.
  await expect(page.getByTestId('logo')).toHaveAccessibleName('Storefront Explore Plus home');
  await expectAccessible(page, 'home');
  const deals = page.getByTestId('deals');
  const railCard = deals.getByTestId('product-card').first();
  await keyTo(page, deals.getByTestId('view-all'), 'Tab', railCard);
  const ring = await focusRing(railCard);
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  // A rail clips its cards, so the ring must lie inside the card to be seen.
  expect(ring.clippedOutside).toBe(true);
  expect(ring.offset + ring.width).toBeLessThanOrEqual(0);
  await snap(page, testInfo, 'rail-card-focus');

  await page.goto('/mobiles/pr');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expectAccessible(page, 'browse');
  await page.getByTestId('filter-button').click();
  await expect(page.getByTestId('filter-sheet')).toBeVisible();
  await expectAccessible(page, 'the filter sheet');
  // Modal without showModal (decisions/0031): focus moves in, Tab stays in, the page behind is
  // inert, Escape closes and focus goes back to the Filter button.
  const sheet = page.getByTestId('filter-sheet');
  await expect(sheet).toHaveAttribute('aria-modal', 'true');
  await expect(sheet.getByRole('button', { name: 'Close filters' })).toBeFocused();
  await sheet.getByTestId('filter-apply').focus();
  await page.keyboard.press('Tab');
  await expect(sheet.getByRole('button', { name: 'Close filters' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(sheet.getByTestId('filter-apply')).toBeFocused();
  expect(await page.getByTestId('search-input').evaluate((input) => input.closest('[inert]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('filter-button')).toBeFocused();
  expect(await page.locator('[inert]').count()).toBe(0);

  await page.goto('/search?q=phone&brand=Samsung');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expectAccessible(page, 'search results with a filter chip');
  await page.getByTestId('search-input').fill('galaxy');
  await expect(page.getByTestId('suggestion').first()).toBeVisible();
  await expectAccessible(page, 'search suggestions');

  await page.goto('/search?q=qqqqzzzz');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await expectAccessible(page, 'no results');
  await page.goto('/no/such/page/here');
  await expectAccessible(page, 'the not-found page');
});

test('the product page and the cart pass axe, with visible focus on Add to cart and 44 px targets', async ({ page }, testInfo) => {
  await page.goto('/mobiles/pr');
  await page.getByTestId('product-card').first().click();
  await expect(page.getByTestId('add-to-cart')).toBeEnabled();
  await expectAccessible(page, 'the product page');
  for (const dot of await page.locator('.gallery-dot').all()) expect(await minSide(dot)).toBeGreaterThanOrEqual(44);
  for (const option of await page.getByTestId('family-option').all()) expect(await minSide(option)).toBeGreaterThanOrEqual(44);

  const add = page.getByTestId('add-to-cart');
  await keyTo(page, page.getByTestId('buy-now'), 'Shift+Tab', add);
  const ring = await focusRing(add);
  // Drawn inside the button in a dark colour: an amber ring on the yellow button could not be seen.
  expect(ring.style).toBe('solid');
  expect(ring.offset).toBeLessThan(0);
  expect(await add.evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(33, 33, 33)');
  await snap(page, testInfo, 'add-to-cart-focus');

  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('toast')).toHaveText('Added to cart');
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  expect(await minSide(page.getByRole('link', { name: 'View price details' }))).toBeGreaterThanOrEqual(44);
  await expectAccessible(page, 'the cart');
});

test('the login page passes axe, its intro included', async ({ page }) => {
  await page.goto('/accounts/login');
  await expect(page.getByTestId('mobile-input').or(page.getByLabel(/mobile number/i)).first()).toBeVisible();
  await expectAccessible(page, 'login');
});
