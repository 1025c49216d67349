/**
 * Replaying the outbox: each queued change is sent in queue order with its own `Idempotency-Key`,
 * so a change the server already has (the answer was lost, or another tab or the service worker
 * sent it) is not applied twice. Runs in the page and in the service worker alike: only `fetch`
 * (through the kit's client) and the storage it is given.
 */
import { apiRequest, type RequestOptions } from '../api/api-client';
import { ApiError, OFFLINE_MESSAGE } from '../api/api-error';
import type { Cart, Order } from '../../../../shared/api-types';
import { lineKey, type OutboxOp, type OutboxResult } from './outbox-ops';

/** Where the queue lives (IndexedDB in browsers; memory in tests or private modes without it). */
export interface OutboxStorage {
  /** Every queued op, oldest first. */
  list(): Promise<OutboxOp[]>;
  /** Removes the op and records how it ended, together. */
  settle(op: OutboxOp, result: OutboxResult): Promise<void>;
}

export type Send = <T>(path: string, options?: RequestOptions) => Promise<T>;

export interface ReplayOptions {
  send?: Send;
  /** Each cart the server answered with, newest last: the page shows it. */
  onCart?(cart: Cart): void;
  now?(): number;
}

export interface ReplayOutcome {
  /** Ops that ended (placed, or refused for good) in this run. */
  settled: OutboxResult[];
  /** Ops still queued because the network or the server was not ready; 0 when the queue is empty. */
  remaining: number;
  /** Why the run stopped early, when it did. */
  stoppedBy: ApiError | null;
}

/**
 * Whether a failure is worth trying again later (nothing reached the server, the server was busy
 * or failing, the first request with this key is still running, or the shopper must log in
 * again), as opposed to a refusal that would be the same next time (out of stock, price changed).
 */
export function isRetryable(error: ApiError): boolean {
  const { status } = error;
  return status === 0 || status === 401 || status === 408 || status === 425 || status === 429 || status >= 500 || error.code === 'idempotency-key-in-use';
}

/** Sends every queued op in order; stops at the first one that must wait, so order is kept. */
export async function replayOutbox(storage: OutboxStorage, options: ReplayOptions = {}): Promise<ReplayOutcome> {
  const send = options.send ?? apiRequest;
  const now = options.now ?? Date.now;
  const ops = await storage.list();
  const settled: OutboxResult[] = [];
  let cart: Cart | null = null;
  const seeCart = (answer: Cart): Cart => {
    cart = answer;
    options.onCart?.(answer);
    return answer;
  };
  for (const [index, op] of ops.entries()) {
    const base = { key: op.key, kind: op.kind, at: 0, ...(op.kind === 'order' ? {} : { productId: op.productId, variantId: op.variantId }) };
    let result: OutboxResult;
    try {
      const orderId = await perform(op, send, () => cart, seeCart);
      result = { ...base, ok: true, ...(orderId ? { orderId } : {}), at: now() };
    } catch (failure) {
      if ((failure as Error).name === 'AbortError') throw failure;
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'offline', OFFLINE_MESSAGE);
      if (isRetryable(error)) return { settled, remaining: ops.length - index, stoppedBy: error };
      result = { ...base, ok: false, error: { status: error.status, code: error.code, message: error.message, details: error.details }, at: now() };
    }
    await storage.settle(op, result);
    settled.push(result);
  }
  return { settled, remaining: 0, stoppedBy: null };
}

/** Sends one op; answers the id of a placed order. */
async function perform(op: OutboxOp, send: Send, currentCart: () => Cart | null, seeCart: (cart: Cart) => Cart): Promise<string | null> {
  const headers = { 'Idempotency-Key': op.key };
  if (op.kind === 'order') {
    const answer = await send<{ order: Order }>('orders', { method: 'POST', body: op.order, headers });
    return answer.order.id;
  }
  if (op.kind === 'cart-add') {
    const body = { productId: op.productId, ...(op.variantId ? { variantId: op.variantId } : {}), quantity: op.quantity };
    seeCart(await send<Cart>('cart/items', { method: 'POST', body, headers }));
    return null;
  }
  // Lines made offline had no id yet: find the line by product and variant in the cart as it is now.
  const cart = currentCart() ?? seeCart(await send<Cart>('cart'));
  const line = cart.lines.find((l) => lineKey(l.product.id, l.variant?.id) === lineKey(op.productId, op.variantId));
  // Already gone (removed in another tab or device): there is nothing left to change.
  if (!line) return null;
  const path = `cart/items/${encodeURIComponent(line.id)}`;
  if (op.kind === 'cart-set') seeCart(await send<Cart>(path, { method: 'PATCH', body: { quantity: op.quantity }, headers }));
  else seeCart(await send<Cart>(path, { method: 'DELETE', headers }));
  return null;
}
