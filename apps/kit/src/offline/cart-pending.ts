/** The cart as the shopper expects it: the server's last answer with the queued changes applied. */
import { summarize } from '../../../../shared/price';
import type { Cart, CartLine } from '../../../../shared/api-types';
import { isCartOp, lineKey, type OutboxOp } from './outbox-ops';

/** Line id of a line that exists only in the queue so far. */
export const PENDING_LINE_PREFIX = 'pending:';

/**
 * `cart` with every queued cart change applied in order, totals recomputed by the shared price
 * maths. A queued "add" of a product not in the cart becomes a line of its own at the product's
 * price; the server's answer replaces all of it once the change is replayed.
 */
export function applyPending(cart: Cart | null, ops: readonly OutboxOp[]): Cart | null {
  const cartOps = ops.filter(isCartOp);
  if (cartOps.length === 0) return cart;
  let lines: CartLine[] = [...(cart?.lines ?? [])];
  const keyOf = (line: CartLine): string => lineKey(line.product.id, line.variant?.id);
  for (const op of cartOps) {
    const target = lineKey(op.productId, op.variantId);
    const index = lines.findIndex((line) => keyOf(line) === target);
    const line = index >= 0 ? lines[index] : undefined;
    if (op.kind === 'cart-add') {
      if (line) lines[index] = withQuantity(line, line.quantity + op.quantity);
      else {
        const added: CartLine = {
          id: PENDING_LINE_PREFIX + op.key,
          product: op.product,
          variant: op.variant,
          quantity: op.quantity,
          unitPrice: op.product.price,
          unitMrp: op.product.mrp,
          lineTotal: op.product.price * op.quantity,
        };
        // The server lists lines in the order they were added: a new one goes last.
        lines = [...lines, added];
      }
    } else if (op.kind === 'cart-set') {
      if (line) lines[index] = withQuantity(line, op.quantity);
    } else if (line) {
      lines = lines.filter((_, i) => i !== index);
    }
  }
  return { lines, summary: summarize(lines) };
}

/** Keys (`lineKey`) of the lines that queued changes touch: the page marks them as not yet saved. */
export function pendingLineKeys(ops: readonly OutboxOp[]): ReadonlySet<string> {
  return new Set(ops.filter(isCartOp).map((op) => lineKey(op.productId, op.variantId)));
}

function withQuantity(line: CartLine, quantity: number): CartLine {
  return { ...line, quantity, lineTotal: line.unitPrice * quantity };
}
