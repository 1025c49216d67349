/** Steps of the checkout journeys: a product worth buying, logging in from checkout, a first address. */
import { expect, type Page } from '@playwright/test';
import { enterCode } from './account-steps';
import { requestLoginCode } from './outbox';

interface ProductHit {
  id: string;
  slug: string;
  price: number;
}

/**
 * The path of a real product with plenty of stock (every variant), so journeys that buy it never
 * run it out for each other; `skip` picks a different one per journey.
 */
export async function productToBuy(baseUrl: string, skip = 0): Promise<{ path: string; id: string; price: number }> {
  let seen = 0;
  for (const query of ['shirt', 'kurta', 'shoes', 'watch', 'bag']) {
    const res = await fetch(`${baseUrl}/api/catalog/search?q=${encodeURIComponent(query)}`);
    const { products } = (await res.json()) as { products: ProductHit[] };
    for (const hit of products) {
      const product = (await (await fetch(`${baseUrl}/api/catalog/products/${hit.id}`)).json()) as { stock: number; variants: Array<{ stock: number }> };
      const stocked = product.variants.length > 0 ? product.variants.every((v) => v.stock >= 5) : product.stock >= 5;
      if (stocked && seen++ === skip) return { path: `/${hit.slug}/p/${hit.id}`, id: hit.id, price: hit.price };
    }
  }
  throw new Error('no product with enough stock to buy');
}

/** On the product page: add it to the cart and wait for the shop to say so. */
export async function addToCart(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('add-to-cart')).toBeEnabled();
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('toast')).toContainText(/added to cart/i);
}

/**
 * From a checkout step as a guest: the shop sends the shopper to log in, a new number signs up
 * (name step skipped) and comes back to `step`.
 */
export async function signUpFromCheckout(page: Page, mobile: string, step: RegExp): Promise<void> {
  await expect(page).toHaveURL(/\/accounts\/login\?next=%2Fcheckout%2F/);
  await enterCode(page, await requestLoginCode(page, mobile));
  await expect(page).toHaveURL(/\/accounts\/profile\?welcome=1&next=%2Fcheckout/);
  await page.getByTestId('profile-skip').click();
  await expect(page).toHaveURL(step);
}

/** Fills the address form (shown by itself when the account has none) and saves it. */
export async function addFirstAddress(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('address-form')).toBeVisible();
  await page.getByTestId('address-name').fill(name);
  await page.getByTestId('address-phone').fill('9845012345');
  await page.getByTestId('address-pin').fill('560034');
  await page.getByTestId('address-city').fill('Bengaluru');
  await page.getByTestId('address-line1').fill('12, 4th Cross, Koramangala');
  await page.getByTestId('address-state').selectOption('Karnataka');
  await page.getByTestId('address-save').click();
}
