/**
 * Delivery by PIN code on the product page, on a 390 px phone: the shopper types a PIN code and
 * reads the date and fee checkout would give (the same API rules), the answer comes back after a
 * reload, bad and unserved PIN codes are said as such, and a signed-in shopper starts from their
 * default address.
 */
import type { Page } from '@playwright/test';
import { deliveryWindow } from '../apps/kit/src/orders/order-labels';
import type { DeliveryQuote } from '../shared/api-types';
import { formatRupees } from '../shared/price';
import { signUp } from './support/account-steps';
import { addFirstAddress, productToBuy } from './support/checkout-steps';
import { freshMobile } from './support/outbox';
import { expect, snap, test } from './support/shop-page';

test.use({ viewport: { width: 390, height: 844 } });

/** What the shop's API answers for this PIN code and product, to compare the page with. */
async function quoteOf(page: Page, pin: string, productId: string): Promise<DeliveryQuote> {
  return page.evaluate(([p, id]) => fetch(`/api/delivery/quote?pin=${p}&productId=${id}`).then((res) => res.json()), [pin, productId] as const);
}

/** The fee line the page should show for a served quote. */
function feeText(quote: DeliveryQuote): string {
  if (!quote.serviceable) throw new Error('not served');
  return quote.fee === 0 ? 'Delivery charges FREE' : `Delivery charges ${formatRupees(quote.fee)}, free on orders of ${formatRupees(quote.freeDeliveryThreshold)} or more`;
}

test('a typed PIN code gives checkout’s date and fee, is remembered across a reload, and bad or unserved ones are said so', async ({ page, baseURL, problems }, testInfo) => {
  const product = await productToBuy(baseURL!, 2);
  await page.goto(product.path);
  const check = page.getByTestId('delivery-check');
  await expect(check).toBeVisible();
  await expect(page.getByLabel('Deliver to PIN code')).toHaveValue('');

  await page.getByLabel('Deliver to PIN code').fill('411 014');
  await expect(page.getByLabel('Deliver to PIN code')).toHaveValue('411014');
  await page.getByTestId('delivery-pin-check').click();
  const quote = await quoteOf(page, '411014', product.id);
  if (!quote.serviceable) throw new Error('Pune should be served');
  await expect(page.getByTestId('delivery-date')).toHaveText(deliveryWindow(quote.delivery));
  await expect(page.getByTestId('delivery-fee')).toHaveText(feeText(quote));
  await expect(page.getByRole('status').filter({ has: page.getByTestId('delivery-date') })).toBeVisible();
  // Fits the phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await check.scrollIntoViewIfNeeded();
  await snap(page, testInfo, '1-delivery-date');

  await page.reload();
  await expect(page.getByLabel('Deliver to PIN code')).toHaveValue('411014');
  await expect(page.getByTestId('delivery-date')).toHaveText(deliveryWindow(quote.delivery));

  await page.getByLabel('Deliver to PIN code').fill('012345');
  await page.getByTestId('delivery-pin-check').click();
  await expect(page.getByRole('alert').filter({ hasText: 'does not start with 0' })).toBeVisible();
  await expect(page.getByLabel('Deliver to PIN code')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Deliver to PIN code').fill('999001');
  await page.getByTestId('delivery-pin-check').click();
  await expect(page.getByTestId('delivery-unserviceable')).toContainText('Not deliverable to 999001');
  await check.scrollIntoViewIfNeeded();
  await snap(page, testInfo, '2-not-served');
  expect(problems.list).toEqual([]);
});

test('a signed-in shopper who never typed a PIN code sees delivery to their default address', async ({ page, baseURL }, testInfo) => {
  await page.addInitScript(() => localStorage.setItem('sf.push.notNowUntil', String(Date.now() + 86_400_000)));
  await signUp(page, freshMobile(77));
  await page.goto('/checkout/address');
  await addFirstAddress(page, 'Meera Iyer');
  const product = await productToBuy(baseURL!, 4);
  await page.goto(product.path);
  // The address form's PIN code (Bengaluru).
  await expect(page.getByLabel('Deliver to PIN code')).toHaveValue('560034');
  const quote = await quoteOf(page, '560034', product.id);
  if (!quote.serviceable) throw new Error('Bengaluru should be served');
  await expect(page.getByTestId('delivery-date')).toHaveText(deliveryWindow(quote.delivery));
  await expect(page.getByTestId('delivery-fee')).toHaveText(feeText(quote));
  await page.getByTestId('delivery-check').scrollIntoViewIfNeeded();
  await snap(page, testInfo, '3-default-address');
});
