/**
 * What the cart page says about its lines: the server's refusals of queued changes (not enough stock, too many units) under the lines they were about. Free of
 * runtime imports so its tests run in plain Node.
 */
import type { OutboxResult } from '@storefront/kit';

/** Most of one line the API accepts (server/cart: MAX_LINE_QUANTITY). */
export const MAX_QUANTITY = 10;

/**
 * The message of the latest refused cart change per line (`lineKey` → message), counting only
 * changes that ended after `since` (this visit of the page) and not yet `dismissed` (by key).
 */
export function lineMessages(results: readonly OutboxResult[], since: number, dismissed: ReadonlySet<string>): ReadonlyMap<string, string> {
  const messages = new Map<string, string>();
  for (const result of results) {
    if (result.ok || result.kind === 'order' || result.at < since || dismissed.has(result.key) || !result.productId) continue;
    messages.set(`${result.productId}/${result.variantId ?? ''}`, result.error?.message ?? 'Could not update your cart. Please try again.');
  }
  return messages;
}
