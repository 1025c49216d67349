import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cart, CartLine, ProductSummary } from '@storefront/kit';
import { summarize } from '../../../../shared/price';
import { MAX_QUANTITY, variantLabel, withoutLine, withQuantity } from './cart-edit';

const line = (id: string, unitPrice: number, unitMrp: number, quantity: number): CartLine => ({
  id,
  product: { id: 'itm0000000000001' } as ProductSummary,
  variant: null,
  quantity,
  unitPrice,
  unitMrp,
  lineTotal: unitPrice * quantity,
});
const cartOf = (...lines: CartLine[]): Cart => ({ lines, summary: summarize(lines) });

describe('withQuantity', () => {
  const cart = cartOf(line('a', 200_00, 300_00, 1), line('b', 150_00, 150_00, 2));
  it('changes the line and its total', () => {
    const next = withQuantity(cart, 'a', 3, summarize);
    assert.equal(next.lines[0]!.quantity, 3);
    assert.equal(next.lines[0]!.lineTotal, 600_00);
  });
  it('recomputes the summary, including free delivery past the threshold', () => {
    assert.equal(cart.summary.deliveryFee, 0);
    const small = withQuantity(cartOf(line('a', 100_00, 150_00, 2)), 'a', 1, summarize);
    assert.deepEqual(small.summary, { itemCount: 1, mrpTotal: 150_00, discount: 50_00, deliveryFee: 40_00, total: 140_00, savings: 50_00 });
  });
  it('leaves other lines and the given cart alone', () => {
    const next = withQuantity(cart, 'a', 2, summarize);
    assert.equal(next.lines[1], cart.lines[1]);
    assert.equal(cart.lines[0]!.quantity, 1);
  });
  it('refuses quantities the API would refuse', () => {
    assert.throws(() => withQuantity(cart, 'a', 0, summarize), TypeError);
    assert.throws(() => withQuantity(cart, 'a', MAX_QUANTITY + 1, summarize), TypeError);
  });
});

describe('withoutLine', () => {
  it('removes the line and recomputes the totals', () => {
    const next = withoutLine(cartOf(line('a', 200_00, 300_00, 1), line('b', 400_00, 400_00, 1)), 'b', summarize);
    assert.deepEqual(next.lines.map((l) => l.id), ['a']);
    assert.equal(next.summary.total, 240_00);
  });
  it('leaves an empty cart with zero totals and no delivery fee', () => {
    assert.deepEqual(withoutLine(cartOf(line('a', 1_00, 1_00, 1)), 'a', summarize).summary, { itemCount: 0, mrpTotal: 0, discount: 0, deliveryFee: 0, total: 0, savings: 0 });
  });
});

describe('variantLabel', () => {
  it('names colour and size', () => {
    assert.equal(variantLabel({ color: 'Pink', size: 'M' }), 'Colour: Pink, Size: M');
    assert.equal(variantLabel({ color: 'Black', size: null }), 'Colour: Black');
    assert.equal(variantLabel(null), null);
  });
});
