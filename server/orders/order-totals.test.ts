import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DELIVERY_FEE, FREE_DELIVERY_THRESHOLD } from '../../shared/price';
import { applicableOffers, MULTI_BUY_OFFER, orderTotals } from './order-totals';

describe('orderTotals', () => {
  it('should charge delivery below the threshold and not above it', () => {
    const small = orderTotals([{ mrp: 300_00, unitPrice: 200_00, quantity: 1 }]).totals;
    assert.deepEqual(small, { itemCount: 1, mrp: 300_00, discount: 100_00, offers: 0, deliveryFee: DELIVERY_FEE, total: 200_00 + DELIVERY_FEE });
    const big = orderTotals([{ mrp: FREE_DELIVERY_THRESHOLD, unitPrice: FREE_DELIVERY_THRESHOLD, quantity: 1 }]).totals;
    assert.equal(big.deliveryFee, 0);
    assert.equal(big.total, FREE_DELIVERY_THRESHOLD);
  });

  it('should take the multi-buy offer off orders of three or more units', () => {
    const { totals, offers } = orderTotals([
      { mrp: 1000_00, unitPrice: 800_00, quantity: 2 },
      { mrp: 500_00, unitPrice: 450_00, quantity: 1 },
    ]);
    // 5% of ₹2,050 is ₹102.50, rounded down to ₹102.
    assert.deepEqual(offers, [{ id: MULTI_BUY_OFFER.id, title: MULTI_BUY_OFFER.title, amount: 102_00 }]);
    assert.equal(totals.offers, 102_00);
    assert.equal(totals.total, 2050_00 - 102_00);
    assert.equal(totals.mrp - totals.discount - totals.offers + totals.deliveryFee, totals.total);
  });

  it('should cap the offer', () => {
    assert.equal(applicableOffers(100_000_00, 3)[0]!.amount, MULTI_BUY_OFFER.cap);
    assert.deepEqual(applicableOffers(100_000_00, 2), []);
  });
});
