/**
 * Buying on a phone: a guest's checkout goes through the OTP login and back, an address is added
 * in checkout, the order is paid on delivery and shows up in the accounts app (where it can be
 * cancelled); the test gateway approves and declines, and a declined payment can be tried again.
 */
import type { Page } from '@playwright/test';
import { addFirstAddress, addToCart, productToBuy, signUpFromCheckout } from './support/checkout-steps';
import { operatorHeaders } from './support/data-dir';
import { freshMobile } from './support/outbox';
import { expect, snap, test, unexpectedProblems } from './support/shop-page';

// A guest's first visit to checkout asks who they are: that 401 is the design.
const EXPECTED = [{ status: 401, url: /\/api\/account\/me$/ }];
// The gateway's hosted page names no icon, so the browser asks for the default one.
const AT_GATEWAY = [...EXPECTED, { status: 404, url: /\/favicon\.ico$/ }];

/** From the cart to a confirmed order summary, signing up on the way; ends on the payment step. */
async function checkoutToPayment(page: Page, baseURL: string, seed: number, testInfo: Parameters<typeof snap>[1] | null): Promise<void> {
  const product = await productToBuy(baseURL, seed % 10);
  await addToCart(page, product.path);
  await page.getByTestId('cart-link').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('place-order').click();
  await signUpFromCheckout(page, freshMobile(seed), /\/checkout\/address$/);
  if (testInfo) await snap(page, testInfo, '2-address-form');
  await addFirstAddress(page, 'Asha Rao');
  await expect(page).toHaveURL(/\/checkout\/summary$/);
  await expect(page.getByTestId('deliver-to')).toContainText('Asha Rao');
  await expect(page.getByTestId('delivery-estimate')).toContainText(/^Delivery (by|between)/);
  await expect(page.getByTestId('order-item')).toHaveCount(1);
  if (testInfo) await snap(page, testInfo, '3-summary');
  await page.getByTestId('summary-continue').click();
  await expect(page).toHaveURL(/\/checkout\/payment$/);
}

test('a guest logs in by OTP at checkout, adds an address, pays on delivery and finds the order in the accounts app', async ({ page, baseURL, problems }, testInfo) => {
  await checkoutToPayment(page, baseURL!, 31, testInfo);
  const total = await page.getByTestId('pay-total').textContent();
  await page.getByTestId('pay-option-cod').click();
  await snap(page, testInfo, '4-payment');
  await page.getByTestId('pay-confirm-cod').click();

  await expect(page).toHaveURL(/\/checkout\/confirmation\/OD\d{18}$/);
  await expect(page.getByTestId('order-outcome')).toHaveAttribute('data-outcome', 'placed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Order placed');
  await expect(page.getByTestId('payment-status')).toHaveText('Cash on delivery · Pay when it arrives');
  await expect(page.getByTestId('price-total')).toHaveText(total!);
  // The ordered lines left the cart.
  await expect(page.getByTestId('cart-badge')).toHaveCount(0);
  const orderId = (await page.getByTestId('order-id').textContent())!;
  // A placed order is a moment to offer order updates (never a page load); this shopper says not now.
  await expect(page.getByTestId('push-offer')).toContainText('Follow your order');
  await snap(page, testInfo, '5-confirmation');
  await page.getByTestId('push-offer-dismiss').click();
  await expect(page.getByTestId('push-offer')).toHaveCount(0);

  await page.getByTestId('view-order').click();
  await expect(page).toHaveURL(new RegExp(`/accounts/orders/${orderId}$`));
  await expect(page.getByTestId('order-status')).toHaveText('Order placed');
  await expect(page.getByTestId('timeline-step')).toHaveCount(5);
  await expect(page.locator('[data-testid="timeline-step"][aria-current="step"]')).toHaveAttribute('data-status', 'placed');
  await expect(page.getByTestId('order-payment')).toHaveText('Cash on delivery · Pay when it arrives');
  await snap(page, testInfo, '6-order');

  await page.goto('/accounts/orders');
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  await expect(page.getByTestId('order-row')).toHaveAttribute('data-order-id', orderId);
  await snap(page, testInfo, '7-orders');

  // Cancelled while not yet shipped: the timeline ends at the cancellation.
  await page.getByTestId('order-row').click();
  await page.getByTestId('order-cancel').click();
  await page.getByTestId('order-cancel-confirm').click();
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('order-cancel')).toHaveCount(0);
  await expect(page.locator('[data-testid="timeline-step"]').last()).toHaveAttribute('data-status', 'cancelled');
  expect(unexpectedProblems(problems, EXPECTED)).toEqual([]);
});

test('the test gateway approves a UPI payment and the order is paid', async ({ page, baseURL, problems }, testInfo) => {
  await checkoutToPayment(page, baseURL!, 32, null);
  await page.getByTestId('pay-option-test-gateway').click();
  await page.getByTestId('pay-confirm-test-gateway').click();
  await expect(page).toHaveURL(/\/pay\/test-gateway\//);
  await page.locator('input[name="vpa"]').fill('success@testpay');
  await snap(page, testInfo, '1-gateway');
  await page.locator('form.upi button[type="submit"]').click();

  await expect(page).toHaveURL(/\/checkout\/confirmation\/OD\d{18}$/);
  await expect(page.getByTestId('order-outcome')).toHaveAttribute('data-outcome', 'paid');
  await expect(page.getByTestId('payment-status')).toHaveText('UPI or card · Paid');
  await snap(page, testInfo, '2-paid');
  expect(unexpectedProblems(problems, AT_GATEWAY)).toEqual([]);
});

test('a declined card payment cancels the order and the shopper pays again on delivery', async ({ page, baseURL, problems }, testInfo) => {
  await checkoutToPayment(page, baseURL!, 33, null);
  await page.getByTestId('pay-option-test-gateway').click();
  await page.getByTestId('pay-confirm-test-gateway').click();
  await expect(page).toHaveURL(/\/pay\/test-gateway\//);
  await page.locator('label[for="tab-card"]').click();
  await page.locator('input[name="number"]').fill('4000 0000 0000 0002');
  await page.locator('input[name="expiry"]').fill('12/35');
  await page.locator('input[name="cvv"]').fill('123');
  await page.locator('form.card button[type="submit"]').click();

  await expect(page).toHaveURL(/\/checkout\/confirmation\/OD\d{18}$/);
  await expect(page.getByTestId('order-outcome')).toHaveAttribute('data-outcome', 'declined');
  const declined = (await page.getByTestId('order-id').textContent())!;
  await snap(page, testInfo, '1-declined');

  // The same items again, re-priced: then cash on delivery.
  await page.getByTestId('pay-again').click();
  await expect(page).toHaveURL(/\/checkout\/summary$/);
  await expect(page.getByTestId('order-item')).toHaveCount(1);
  await page.getByTestId('summary-continue').click();
  await page.getByTestId('pay-option-cod').click();
  await page.getByTestId('pay-confirm-cod').click();
  await expect(page.getByTestId('order-outcome')).toHaveAttribute('data-outcome', 'placed');
  expect(await page.getByTestId('order-id').textContent()).not.toBe(declined);

  const orders = await page.evaluate(() => fetch('/api/orders').then((res) => res.json() as Promise<{ orders: Array<{ id: string; status: string }> }>));
  expect(orders.orders.map((o) => o.status)).toEqual(['placed', 'cancelled']);
  expect(unexpectedProblems(problems, AT_GATEWAY)).toEqual([]);
});

test('a price that rose after the cart was seen is marked on its line and confirmed again; the order is placed at the new price', async ({ page, baseURL, problems }, testInfo) => {
  const product = await productToBuy(baseURL!, 4);
  const before = (await (await fetch(`${baseURL}/api/catalog/products/${product.id}`)).json()) as { price: number; mrp: number };
  const raised = Math.min(before.mrp, before.price + 50_00);
  expect(raised, 'a product sold below its MRP, so its price can rise').toBeGreaterThan(before.price);
  const reprice = (price: number) =>
    fetch(`${baseURL}/ops/api/catalog/products/${product.id}`, { method: 'PATCH', headers: { ...operatorHeaders(), 'content-type': 'application/json' }, body: JSON.stringify({ price }) });

  await addToCart(page, product.path);
  await page.getByTestId('cart-link').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  try {
    // The shop changes the price after the shopper saw the cart.
    expect((await reprice(raised)).status).toBe(200);
    await page.getByTestId('place-order').click();
    await signUpFromCheckout(page, freshMobile(34), /\/checkout\/address$/);
    await addFirstAddress(page, 'Dev Menon');

    await expect(page.getByTestId('summary-changed')).toContainText('1 item changed');
    const line = page.getByTestId('order-item');
    await expect(line).toHaveAttribute('data-changed', 'true');
    await expect(page.getByTestId('line-change')).toContainText('Price went up');
    await expect(page.getByTestId('summary-continue')).toHaveCount(0);
    await snap(page, testInfo, '1-price-changed');

    await page.getByTestId('summary-confirm-changes').click();
    await expect(page.getByTestId('summary-changed')).toHaveCount(0);
    await expect(line).not.toHaveAttribute('data-changed', 'true');
    await page.getByTestId('summary-continue').click();
    await page.getByTestId('pay-option-cod').click();
    await page.getByTestId('pay-confirm-cod').click();
    await expect(page.getByTestId('order-outcome')).toHaveAttribute('data-outcome', 'placed');
    const orderId = (await page.getByTestId('order-id').textContent())!;
    const { order } = await page.evaluate((id) => fetch(`/api/orders/${id}`).then((res) => res.json() as Promise<{ order: { lines: Array<{ unitPrice: number }> } }>), orderId);
    expect(order.lines.map((l) => l.unitPrice)).toEqual([raised]);
  } finally {
    await reprice(before.price);
  }
  expect(unexpectedProblems(problems, EXPECTED)).toEqual([]);
});
