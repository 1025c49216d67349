import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deliveryWindow, formatOrderDate, ORDER_PROGRESS, orderStatusLabel, paymentMethodLabel, paymentStatusLabel, variantLabel } from './order-labels';

describe('order labels', () => {
  it('should name every status on the way, in order', () => {
    assert.deepEqual(ORDER_PROGRESS.map(orderStatusLabel), ['Order placed', 'Packed', 'Shipped', 'Out for delivery', 'Delivered']);
    assert.equal(orderStatusLabel('cancelled'), 'Cancelled');
  });

  it('should say how and whether the shopper pays', () => {
    assert.equal(paymentMethodLabel('cod'), 'Cash on delivery');
    assert.equal(paymentStatusLabel({ status: 'failed' }), 'Payment failed');
    assert.equal(paymentStatusLabel({ status: 'due' }), 'Pay when it arrives');
  });

  it('should give dates as the day is in India', () => {
    // 20:00 UTC on 30 Nov is already 1 Dec in India.
    assert.match(formatOrderDate('2026-11-30T20:00:00.000Z'), /^Tue, 1 Dec,? 2026$/);
  });

  it('should give one day or a window for delivery', () => {
    assert.match(deliveryWindow({ from: '2026-12-02', to: '2026-12-02' }), /^Delivery by Wed, 2 Dec$/);
    assert.match(deliveryWindow({ from: '2026-12-01', to: '2026-12-03' }), /^Delivery between Tue, 1 Dec and Thu, 3 Dec$/);
  });

  it('should name a variant by colour and size, colour alone, or not at all', () => {
    assert.equal(variantLabel({ color: 'Pink', size: 'M' }), 'Colour: Pink, Size: M');
    assert.equal(variantLabel({ color: 'Black', size: null }), 'Colour: Black');
    assert.equal(variantLabel(null), null);
  });
});
