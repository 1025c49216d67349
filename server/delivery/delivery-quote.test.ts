import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DELIVERY_FEE, FREE_DELIVERY_THRESHOLD, summarize } from '../../shared/price';
import { estimateDelivery } from './delivery-estimate';
import { quoteDelivery } from './delivery-quote';

/** An instant given as IST wall-clock time. */
const ist = (iso: string) => Date.parse(`${iso}+05:30`);
const NOW = ist('2026-11-30T09:00:00');

describe('quoteDelivery', () => {
  it('should give the checkout estimate for the PIN code', () => {
    const quote = quoteDelivery('411014', { price: 1_299_00, mrp: 1_999_00 }, NOW);
    assert.deepEqual(quote, { pin: '411014', serviceable: true, delivery: estimateDelivery('411014', NOW), fee: 0, freeDeliveryThreshold: FREE_DELIVERY_THRESHOLD });
  });

  it('should charge the cart fee below the free-delivery threshold and nothing from it on', () => {
    const below = quoteDelivery('560001', { price: FREE_DELIVERY_THRESHOLD - 1_00, mrp: FREE_DELIVERY_THRESHOLD }, NOW);
    const at = quoteDelivery('560001', { price: FREE_DELIVERY_THRESHOLD, mrp: FREE_DELIVERY_THRESHOLD }, NOW);
    assert.ok(below.serviceable && at.serviceable);
    assert.equal(below.fee, DELIVERY_FEE);
    assert.equal(at.fee, 0);
  });

  it('should agree with the cart for one unit at any price', () => {
    for (const price of [1_00, 199_00, 499_00, 500_00, 501_00, 74_999_00]) {
      const quote = quoteDelivery('302001', { price, mrp: price + 100_00 }, NOW);
      assert.ok(quote.serviceable);
      assert.equal(quote.fee, summarize([{ unitMrp: price + 100_00, unitPrice: price, quantity: 1 }]).deliveryFee);
    }
  });

  it('should say a PIN code is not served, and why, instead of a date', () => {
    const quote = quoteDelivery('999001', { price: 100_00, mrp: 100_00 }, NOW);
    assert.equal(quote.serviceable, false);
    assert.ok(!quote.serviceable && /Army Postal Service/.test(quote.reason));
  });
});
