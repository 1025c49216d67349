/** Optimistic cart edits: the cart as it will be once the server agrees, totals included. */
import type { Cart, CartLine, PriceSummary } from '@storefront/kit';

/**
 * The kit's `summarize`, passed in: this module stays free of runtime imports so that its tests
 * run in plain Node, while the page hands it the one shared implementation of the price maths.
 */
export type Summarize = (lines: readonly CartLine[]) => PriceSummary;

/** Most of one line the API accepts (server/cart: MAX_LINE_QUANTITY). */
export const MAX_QUANTITY = 10;

/** The cart with one line's quantity changed and every total recomputed. */
export function withQuantity(cart: Cart, lineId: string, quantity: number, summarize: Summarize): Cart {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new TypeError(`quantity must be a whole number within 1..${MAX_QUANTITY}, got ${quantity}`);
  }
  const lines = cart.lines.map((line) => (line.id === lineId ? { ...line, quantity, lineTotal: line.unitPrice * quantity } : line));
  return { lines, summary: summarize(lines) };
}

/** The cart without one line, totals recomputed. */
export function withoutLine(cart: Cart, lineId: string, summarize: Summarize): Cart {
  const lines = cart.lines.filter((line) => line.id !== lineId);
  return { lines, summary: summarize(lines) };
}

/** "Colour: Pink, Size: M" for a line's variant, or null when the product has none. */
export function variantLabel(variant: { color: string; size: string | null } | null): string | null {
  if (!variant) return null;
  return variant.size ? `Colour: ${variant.color}, Size: ${variant.size}` : `Colour: ${variant.color}`;
}
