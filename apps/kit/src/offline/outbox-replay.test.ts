import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { RequestOptions } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { Cart } from '../../../../shared/api-types';
import { createMemoryOutbox } from './outbox-memory';
import type { NewOutboxOp, OutboxOp } from './outbox-ops';
import { isRetryable, replayOutbox, type Send } from './outbox-replay';
import { cartOf, line, product } from './test-fixtures';

const phone = product('itm0000000000001', 10_000_00);
const case_ = product('itm0000000000002', 300_00);

interface Call {
  path: string;
  method: string;
  key: string | undefined;
  body: unknown;
}

/** A scripted server: `answer` decides each reply; every request is recorded. */
function server(answer: (call: Call) => unknown): { send: Send; calls: Call[] } {
  const calls: Call[] = [];
  const send = (async (path: string, options: RequestOptions = {}) => {
    const call = { path, method: options.method ?? 'GET', key: options.headers?.['Idempotency-Key'], body: options.body };
    calls.push(call);
    const reply = answer(call);
    if (reply instanceof Error) throw reply;
    return reply;
  }) as Send;
  return { send, calls };
}

let storage = createMemoryOutbox();
let clock = 0;
beforeEach(() => {
  storage = createMemoryOutbox();
  clock = 1000;
});
const queue = async (...ops: NewOutboxOp[]): Promise<OutboxOp[]> => {
  const queued: OutboxOp[] = [];
  for (const [i, op] of ops.entries()) queued.push(await storage.add({ ...op, key: op.key ?? `key-${i + 1}`, createdAt: i } as OutboxOp));
  return queued;
};
const addCase: NewOutboxOp = { kind: 'cart-add', productId: case_.id, variantId: '', quantity: 1, product: case_, variant: null };
const offline = () => new ApiError(0, 'offline', 'offline');
const now = () => ++clock;

describe('replayOutbox', () => {
  it('should send each op in queue order with its own idempotency key and empty the queue', async () => {
    const cart = cartOf(line('l1', phone, 1), line('l2', case_, 1));
    const { send, calls } = server((call) => (call.path === 'orders' ? { order: { id: 'ord-1' } } : cart));
    const seen: Cart[] = [];
    await queue(addCase, { kind: 'cart-set', productId: phone.id, variantId: '', quantity: 2 }, { kind: 'order', order: { addressId: 'a1', paymentMethod: 'cod', lines: [] }, total: 1, itemCount: 1 });
    const outcome = await replayOutbox(storage, { send, now, onCart: (c) => seen.push(c) });
    assert.deepEqual(
      calls.map((c) => [c.method, c.path, c.key]),
      [
        ['POST', 'cart/items', 'key-1'],
        ['PATCH', 'cart/items/l1', 'key-2'],
        ['POST', 'orders', 'key-3'],
      ],
    );
    assert.deepEqual(calls[0]!.body, { productId: case_.id, quantity: 1 }, 'no variantId for a product without variants');
    assert.deepEqual(calls[1]!.body, { quantity: 2 });
    assert.equal(outcome.remaining, 0);
    assert.deepEqual(outcome.settled.map((r) => [r.key, r.ok, r.orderId]), [['key-1', true, undefined], ['key-2', true, undefined], ['key-3', true, 'ord-1']]);
    assert.equal(seen.length, 2);
    assert.deepEqual(await storage.list(), []);
  });

  it('should stop at the first op the network fails, keeping it and every later op in order', async () => {
    let up = false;
    const { send, calls } = server((call) => (up ? cartOf(line('l1', case_, 1)) : call.path === 'cart/items' ? offline() : cartOf()));
    await queue(addCase, { kind: 'cart-remove', productId: case_.id, variantId: '' });
    const first = await replayOutbox(storage, { send, now });
    assert.equal(first.remaining, 2);
    assert.equal(first.stoppedBy?.offline, true);
    assert.equal(calls.length, 1, 'the remove waits behind the add');
    assert.deepEqual((await storage.list()).map((op) => op.key), ['key-1', 'key-2']);

    up = true;
    const second = await replayOutbox(storage, { send, now });
    assert.equal(second.remaining, 0);
    // The add is sent again with the same key, so a server that did get it the first time applies it once.
    assert.deepEqual(calls.map((c) => [c.method, c.path, c.key]), [['POST', 'cart/items', 'key-1'], ['POST', 'cart/items', 'key-1'], ['DELETE', 'cart/items/l1', 'key-2']]);
  });

  it('should settle a refusal as failed, with the code and details, and go on with the next op', async () => {
    const { send, calls } = server((call) =>
      call.path === 'orders' ? new ApiError(409, 'price-changed', 'Prices changed.', { lines: [{ productId: phone.id }] }) : cartOf(line('l1', case_, 1)),
    );
    await queue({ kind: 'order', order: { addressId: 'a1', paymentMethod: 'cod', lines: [] }, total: 1, itemCount: 1 }, addCase);
    const outcome = await replayOutbox(storage, { send, now });
    assert.equal(outcome.remaining, 0);
    const [order, add] = outcome.settled;
    assert.equal(order!.ok, false);
    assert.equal(order!.error?.code, 'price-changed');
    assert.deepEqual(order!.error?.details, { lines: [{ productId: phone.id }] });
    assert.equal(add!.ok, true);
    assert.equal(add!.productId, case_.id);
    assert.equal(calls.length, 2);
  });

  it('should find the line of a change by product and variant, asking for the cart once', async () => {
    const { send, calls } = server((call) => (call.method === 'GET' ? cartOf(line('l9', case_, 1)) : cartOf(line('l9', case_, 4))));
    await queue({ kind: 'cart-set', productId: case_.id, variantId: '', quantity: 3 }, { kind: 'cart-set', productId: case_.id, variantId: '', quantity: 4 });
    await replayOutbox(storage, { send, now });
    assert.deepEqual(calls.map((c) => [c.method, c.path]), [['GET', 'cart'], ['PATCH', 'cart/items/l9'], ['PATCH', 'cart/items/l9']]);
  });

  it('should settle a change to a line that is gone without sending it', async () => {
    const { send, calls } = server(() => cartOf());
    await queue({ kind: 'cart-remove', productId: phone.id, variantId: '' });
    const outcome = await replayOutbox(storage, { send, now });
    assert.equal(outcome.settled[0]!.ok, true);
    assert.deepEqual(calls.map((c) => c.path), ['cart']);
  });

  it('should wait while the first request with the key is still running or the server fails', async () => {
    for (const error of [new ApiError(409, 'idempotency-key-in-use', 'busy'), new ApiError(503, 'http-error', 'down'), new ApiError(401, 'login-required', 'log in')]) {
      storage = createMemoryOutbox();
      const { send } = server(() => error);
      await queue({ kind: 'order', order: { addressId: 'a1', paymentMethod: 'cod', lines: [] }, total: 1, itemCount: 1 });
      const outcome = await replayOutbox(storage, { send, now });
      assert.equal(outcome.remaining, 1, error.code);
      assert.equal(outcome.stoppedBy, error);
    }
  });
});

describe('isRetryable', () => {
  it('should retry what may work later and not what the server refused on its merits', () => {
    assert.equal(isRetryable(new ApiError(0, 'offline', '')), true);
    assert.equal(isRetryable(new ApiError(429, 'rate-limited', '')), true);
    assert.equal(isRetryable(new ApiError(500, 'internal', '')), true);
    assert.equal(isRetryable(new ApiError(409, 'out-of-stock', '')), false);
    assert.equal(isRetryable(new ApiError(422, 'idempotency-key-reused', '')), false);
    assert.equal(isRetryable(new ApiError(400, 'bad-request', '')), false);
  });
});
