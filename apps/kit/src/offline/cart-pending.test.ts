import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPending, PENDING_LINE_PREFIX, pendingLineKeys } from './cart-pending';
import type { NewOutboxOp, OutboxOp } from './outbox-ops';
import { cartOf, line, product, variant } from './test-fixtures';

const phone = product('itm0000000000001', 10_000_00);
const case_ = product('itm0000000000002', 300_00);
const blue = variant('v-blue');
let n = 0;
const op = (fields: NewOutboxOp): OutboxOp => ({ ...fields, key: `k${++n}`, createdAt: n }) as OutboxOp;

describe('applyPending', () => {
  it('should leave the cart as it is when nothing is queued', () => {
    const cart = cartOf(line('l1', phone, 1));
    assert.equal(applyPending(cart, []), cart);
    assert.equal(applyPending(null, []), null);
  });

  it('should add a queued product as a new last line at its price, totals recomputed', () => {
    const cart = cartOf(line('l1', phone, 1));
    const view = applyPending(cart, [op({ kind: 'cart-add', productId: case_.id, variantId: '', quantity: 2, product: case_, variant: null })])!;
    assert.equal(view.lines.length, 2);
    const added = view.lines[1]!;
    assert.ok(added.id.startsWith(PENDING_LINE_PREFIX));
    assert.equal(added.quantity, 2);
    assert.equal(added.lineTotal, 600_00);
    assert.equal(view.summary.itemCount, 3);
    assert.equal(view.summary.total, 10_600_00);
  });

  it('should add to the quantity of the line with the same product and variant', () => {
    const cart = cartOf(line('l1', phone, 1, blue), line('l2', phone, 1));
    const view = applyPending(cart, [op({ kind: 'cart-add', productId: phone.id, variantId: blue.id, quantity: 1, product: phone, variant: blue })])!;
    assert.deepEqual(view.lines.map((l) => [l.id, l.quantity]), [['l1', 2], ['l2', 1]]);
  });

  it('should apply set and remove in order, including on a line that is still queued', () => {
    const cart = cartOf(line('l1', phone, 1));
    const view = applyPending(cart, [
      op({ kind: 'cart-add', productId: case_.id, variantId: '', quantity: 1, product: case_, variant: null }),
      op({ kind: 'cart-set', productId: case_.id, variantId: '', quantity: 3 }),
      op({ kind: 'cart-remove', productId: phone.id, variantId: '' }),
    ])!;
    assert.deepEqual(view.lines.map((l) => [l.product.id, l.quantity]), [[case_.id, 3]]);
    assert.equal(view.summary.deliveryFee, 0, '₹900 ships free');
  });

  it('should ignore changes to lines that are not there and queued orders', () => {
    const cart = cartOf(line('l1', phone, 1));
    const view = applyPending(cart, [
      op({ kind: 'cart-set', productId: case_.id, variantId: '', quantity: 3 }),
      op({ kind: 'order', order: { addressId: 'a', paymentMethod: 'cod', lines: [] }, total: 0, itemCount: 0 }),
    ])!;
    assert.deepEqual(view.lines, cart.lines);
  });

  it('should show queued adds even before any cart is known (offline, first visit)', () => {
    const view = applyPending(null, [op({ kind: 'cart-add', productId: case_.id, variantId: '', quantity: 1, product: case_, variant: null })])!;
    assert.equal(view.summary.itemCount, 1);
  });
});

describe('pendingLineKeys', () => {
  it('should name the lines queued changes touch', () => {
    const keys = pendingLineKeys([op({ kind: 'cart-set', productId: phone.id, variantId: blue.id, quantity: 2 })]);
    assert.deepEqual([...keys], [`${phone.id}/${blue.id}`]);
  });
});
