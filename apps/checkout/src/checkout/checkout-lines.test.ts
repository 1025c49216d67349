import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cart, CheckoutLine, CheckoutSummary, ProductSummary } from '@storefront/kit';
import { summarize } from '../../../../shared/price';
import { acceptChanges, atSeenPrices, describeChanges, linesFromCart, pricesOf, provisionalTotals, requestLines } from './checkout-lines';

const product = { id: 'itm0000000000001', title: 'Phone', image: { url: '/img/1.webp', alt: '' } } as ProductSummary;
const cart: Cart = {
  lines: [
    { id: 'l1', product, variant: { id: 'itm0000000000001-v0', color: 'Blue', colorHex: '#00f', size: null, stock: 3 }, quantity: 2, unitPrice: 1000_00, unitMrp: 1250_00, lineTotal: 2000_00 },
    { id: 'l2', product: { ...product, id: 'itm0000000000002' }, variant: null, quantity: 1, unitPrice: 200_00, unitMrp: 200_00, lineTotal: 200_00 },
  ],
  summary: summarize([]),
};
const checkoutLine = (fields: Partial<CheckoutLine>): CheckoutLine => ({
  productId: 'p',
  variantId: '',
  title: 't',
  image: { url: '/img/x.webp', alt: '' },
  variant: null,
  quantity: 1,
  unitPrice: 100_00,
  mrp: 100_00,
  lineTotal: 100_00,
  inStock: true,
  ...fields,
});
const summaryOf = (lines: CheckoutLine[]): CheckoutSummary => ({ lines, changed: true, canPlace: true } as unknown as CheckoutSummary);

describe('linesFromCart and requestLines', () => {
  it('should carry product, variant ("" for none), quantity and the price the cart showed', () => {
    const lines = linesFromCart(cart);
    assert.deepEqual(requestLines(lines), [
      { productId: 'itm0000000000001', variantId: 'itm0000000000001-v0', quantity: 2, unitPrice: 1000_00 },
      { productId: 'itm0000000000002', variantId: '', quantity: 1, unitPrice: 200_00 },
    ]);
    assert.deepEqual(lines[0]!.variant, { color: 'Blue', size: null });
    assert.equal(lines[0]!.mrp, 1250_00);
  });
});

describe('pricesOf and atSeenPrices', () => {
  it('should send the prices the cart page showed, and today’s for lines it did not show', () => {
    const seen = pricesOf(cart);
    assert.deepEqual(seen, { 'itm0000000000001/itm0000000000001-v0': 1000_00, 'itm0000000000002/': 200_00 });
    const now = linesFromCart({ ...cart, lines: cart.lines.map((l) => ({ ...l, unitPrice: l.unitPrice + 10_00, lineTotal: (l.unitPrice + 10_00) * l.quantity })) });
    const priced = atSeenPrices([...now, { ...now[1]!, productId: 'itm0000000000003' }], { 'itm0000000000001/itm0000000000001-v0': 1000_00 });
    assert.deepEqual(priced.map((l) => [l.unitPrice, l.lineTotal]), [[1000_00, 2000_00], [210_00, 210_00], [210_00, 210_00]]);
    assert.equal(atSeenPrices(now, null)[0]!.unitPrice, 1010_00);
  });
});

describe('acceptChanges', () => {
  it('should take the new prices, cut quantities to what is left and drop sold-out lines', () => {
    const accepted = acceptChanges(
      summaryOf([
        checkoutLine({ productId: 'a', unitPrice: 90_00, quantity: 2, lineTotal: 180_00, changed: { price: { was: 100_00, now: 90_00 } } }),
        checkoutLine({ productId: 'b', quantity: 3, lineTotal: 300_00, inStock: false, changed: { stock: { wanted: 3, available: 1 } } }),
        checkoutLine({ productId: 'c', quantity: 1, inStock: false, changed: { stock: { wanted: 1, available: 0 } } }),
        checkoutLine({ productId: 'd' }),
      ]),
    );
    assert.deepEqual(accepted.map((l) => [l.productId, l.quantity, l.unitPrice, l.lineTotal]), [
      ['a', 2, 90_00, 180_00],
      ['b', 1, 100_00, 100_00],
      ['d', 1, 100_00, 100_00],
    ]);
  });
});

describe('describeChanges', () => {
  it('should say what changed on each changed line and nothing about the others', () => {
    const changes = describeChanges([
      checkoutLine({ productId: 'a', changed: { price: { was: 100_00, now: 120_00 } } }),
      checkoutLine({ productId: 'b', variantId: 'b-v1', changed: { price: { was: 100_00, now: 80_00 }, stock: { wanted: 2, available: 1 } } }),
      checkoutLine({ productId: 'c', changed: { stock: { wanted: 1, available: 0 } } }),
      checkoutLine({ productId: 'd' }),
    ]);
    assert.deepEqual([...changes], [
      ['a/', ['Price went up']],
      ['b/b-v1', ['Price dropped', 'Only 1 left (you wanted 2)']],
      ['c/', ['Sold out']],
    ]);
  });
});

describe('provisionalTotals', () => {
  it('should count MRP, discount and delivery as the cart does, with no offers', () => {
    assert.deepEqual(provisionalTotals(linesFromCart(cart), summarize), { itemCount: 3, mrp: 2700_00, discount: 500_00, offers: 0, deliveryFee: 0, total: 2200_00 });
    const small = provisionalTotals([{ ...linesFromCart(cart)[1]! }], summarize);
    assert.equal(small.deliveryFee, 40_00);
    assert.equal(small.total, 240_00);
  });
});
