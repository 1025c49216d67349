/**
 * What the outbox holds: changes the shopper made that must reach the server exactly once, in the
 * order they were made, even if the network is gone or the tab closes first. Pure types and
 * helpers: the page and the service worker both use them.
 */
import type { PlaceOrderRequest, ProductSummary, Variant } from '../../../../shared/api-types';

interface OpBase {
  /** The `Idempotency-Key` of the request, made once when the change is queued. */
  key: string;
  /** When the shopper made the change (ms since the epoch). */
  createdAt: number;
  /** Position in the queue, given by the store. */
  seq?: number;
}

/** "Add to cart": adds `quantity` units. Carries the product so the cart can show it at once. */
export interface CartAddOp extends OpBase {
  kind: 'cart-add';
  productId: string;
  /** `''` for a product without variants. */
  variantId: string;
  quantity: number;
  product: ProductSummary;
  variant: Variant | null;
}

/** A line's new quantity; the line is found by product and variant when replayed. */
export interface CartSetOp extends OpBase {
  kind: 'cart-set';
  productId: string;
  variantId: string;
  quantity: number;
}

/** A line removed. */
export interface CartRemoveOp extends OpBase {
  kind: 'cart-remove';
  productId: string;
  variantId: string;
}

/** A cash-on-delivery order placed while offline; `order` is the exact body to send. */
export interface OrderOp extends OpBase {
  kind: 'order';
  order: PlaceOrderRequest;
  /** What the shopper saw: the amount to pay and the number of items. */
  total: number;
  itemCount: number;
}

export type CartOp = CartAddOp | CartSetOp | CartRemoveOp;
export type OutboxOp = CartOp | OrderOp;

type WithoutQueueFields<T> = T extends OutboxOp ? Omit<T, 'key' | 'createdAt' | 'seq'> & { key?: string } : never;
/** An op as a caller queues it: the outbox adds its key (unless given) and time. */
export type NewOutboxOp = WithoutQueueFields<OutboxOp>;

/** How a queued change ended; kept a while so the page that made it can tell the shopper. */
export interface OutboxResult {
  key: string;
  kind: OutboxOp['kind'];
  productId?: string;
  variantId?: string;
  ok: boolean;
  /** For an order that was placed. */
  orderId?: string;
  /** Why the server refused it (out of stock, a price changed…). */
  error?: { status: number; code: string; message: string; details: unknown };
  /** When it ended (ms since the epoch). */
  at: number;
}

/** True for ops that change the cart. */
export function isCartOp(op: OutboxOp): op is CartOp {
  return op.kind !== 'order';
}

/** Product and variant of a cart line as one string: how ops find their line. */
export function lineKey(productId: string, variantId: string | null | undefined): string {
  return `${productId}/${variantId ?? ''}`;
}
