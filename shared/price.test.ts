import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DELIVERY_FEE, discountPercent, formatRupees, FREE_DELIVERY_THRESHOLD, priceAfterDiscount, summarize } from './price';

describe('discountPercent', () => {
  it('should round down so a label never overstates the discount', () => {
    assert.equal(discountPercent(999_00, 749_00), 25); // 25.03 %
    assert.equal(discountPercent(300_00, 201_00), 33); // 33 % exactly
    assert.equal(discountPercent(300_00, 200_01), 33); // 33.33 %
  });

  it('should be 0 without a discount or an MRP', () => {
    assert.equal(discountPercent(500_00, 500_00), 0);
    assert.equal(discountPercent(500_00, 600_00), 0);
    assert.equal(discountPercent(0, 0), 0);
  });

  it('should refuse amounts that are not whole paise', () => {
    assert.throws(() => discountPercent(10.5, 5), TypeError);
    assert.throws(() => discountPercent(-1, 0), /mrp must be a non-negative whole number of paise, got -1/);
  });
});

describe('priceAfterDiscount', () => {
  it('should round to the nearest rupee', () => {
    assert.equal(priceAfterDiscount(1_999_00, 23), 1_539_00);
    assert.equal(priceAfterDiscount(100_00, 0), 100_00);
    assert.equal(priceAfterDiscount(100_00, 100), 0);
  });

  it('should refuse a percent outside 0..100', () => {
    assert.throws(() => priceAfterDiscount(100_00, 101), TypeError);
    assert.throws(() => priceAfterDiscount(100_00, Number.NaN), TypeError);
  });
});

describe('summarize', () => {
  it('should add up MRP, discount and quantity across lines', () => {
    const summary = summarize([
      { unitMrp: 1_000_00, unitPrice: 800_00, quantity: 2 },
      { unitMrp: 500_00, unitPrice: 450_00, quantity: 1 },
    ]);
    assert.deepEqual(summary, { itemCount: 3, mrpTotal: 2_500_00, discount: 450_00, deliveryFee: 0, total: 2_050_00, savings: 450_00 });
  });

  it('should charge delivery below the free-delivery threshold only', () => {
    assert.equal(summarize([{ unitMrp: 300_00, unitPrice: 299_00, quantity: 1 }]).deliveryFee, DELIVERY_FEE);
    assert.equal(summarize([{ unitMrp: FREE_DELIVERY_THRESHOLD, unitPrice: FREE_DELIVERY_THRESHOLD, quantity: 1 }]).deliveryFee, 0);
    assert.equal(summarize([]).deliveryFee, 0);
    assert.equal(summarize([{ unitMrp: 300_00, unitPrice: 299_00, quantity: 1 }]).total, 299_00 + DELIVERY_FEE);
  });
});

describe('formatRupees', () => {
  it('should use Indian digit grouping and show paise only when present', () => {
    assert.equal(formatRupees(1_23_456_00), '₹1,23,456');
    assert.equal(formatRupees(99_50), '₹99.50');
    assert.equal(formatRupees(0), '₹0');
  });
});
