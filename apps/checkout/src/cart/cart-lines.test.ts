import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OutboxResult } from '@storefront/kit';
import { lineMessages } from './cart-lines';

describe('lineMessages', () => {
  const refused = (key: string, productId: string, at: number, message: string): OutboxResult => ({
    key,
    kind: 'cart-set',
    productId,
    variantId: '',
    ok: false,
    error: { status: 409, code: 'out-of-stock', message, details: null },
    at,
  });
  it('keeps the latest refusal of each line since the page opened', () => {
    const messages = lineMessages([refused('k1', 'p1', 5, 'old'), refused('k2', 'p1', 20, 'Only 2 left.'), refused('k3', 'p2', 30, 'Only 1 left.')], 10, new Set());
    assert.deepEqual([...messages], [['p1/', 'Only 2 left.'], ['p2/', 'Only 1 left.']]);
  });
  it('leaves out successes, orders and dismissed refusals', () => {
    const ok: OutboxResult = { key: 'k4', kind: 'cart-add', productId: 'p3', variantId: '', ok: true, at: 40 };
    const order: OutboxResult = { key: 'k5', kind: 'order', ok: false, error: { status: 409, code: 'price-changed', message: 'x', details: null }, at: 40 };
    assert.equal(lineMessages([ok, order, refused('k6', 'p1', 40, 'gone')], 0, new Set(['k6'])).size, 0);
  });
});
