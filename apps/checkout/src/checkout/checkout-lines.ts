/**
 * The lines of a checkout: from the cart, for the API, and after the server re-priced them. Pure,
 * and free of runtime imports, so its tests run in plain Node (the page passes the kit's maths in).
 */
import type { Cart, CheckoutLine, CheckoutSummary, OrderLine, OrderLineRequest, OrderTotals, PriceSummary } from '@storefront/kit';

/** The kit's `summarize`, passed in. */
export type Summarize = (lines: ReadonlyArray<{ unitMrp: number; unitPrice: number; quantity: number }>) => PriceSummary;

/** The cart's lines as order lines, at the prices the cart showed. */
export function linesFromCart(cart: Cart): OrderLine[] {
  return cart.lines.map((line) => ({
    productId: line.product.id,
    variantId: line.variant?.id ?? '',
    title: line.product.title,
    image: line.product.image,
    variant: line.variant ? { color: line.variant.color, size: line.variant.size } : null,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    mrp: line.unitMrp,
    lineTotal: line.lineTotal,
  }));
}

/** The unit price of each cart line by `productId/variantId`: what the shopper saw on the cart page. */
export function pricesOf(cart: Cart): Record<string, number> {
  return Object.fromEntries(cart.lines.map((line) => [`${line.product.id}/${line.variant?.id ?? ''}`, line.unitPrice]));
}

/** The lines at the prices the shopper saw, where they saw one (so the summary marks what moved). */
export function atSeenPrices(lines: readonly OrderLine[], seen: Readonly<Record<string, number>> | null): OrderLine[] {
  return lines.map((line) => {
    const unitPrice = seen?.[`${line.productId}/${line.variantId}`];
    return unitPrice === undefined ? line : { ...line, unitPrice, lineTotal: unitPrice * line.quantity };
  });
}

/** What `POST /api/checkout/summary` and `POST /api/orders` take of each line. */
export function requestLines(lines: readonly OrderLine[]): OrderLineRequest[] {
  return lines.map(({ productId, variantId, quantity, unitPrice }) => ({ productId, variantId, quantity, unitPrice }));
}

/** The summary's lines as order lines, at the server's prices. */
export function linesFromSummary(summary: CheckoutSummary): OrderLine[] {
  return summary.lines.map(({ productId, variantId, title, image, variant, quantity, unitPrice, mrp, lineTotal }) => ({
    productId,
    variantId,
    title,
    image,
    variant,
    quantity,
    unitPrice,
    mrp,
    lineTotal,
  }));
}

/**
 * The lines the shopper agrees to by confirming the changes: today's prices, quantities cut to
 * what is left, and lines that sold out dropped.
 */
export function acceptChanges(summary: CheckoutSummary): OrderLine[] {
  return linesFromSummary(summary).flatMap((line, index) => {
    const stock = summary.lines[index]?.changed?.stock;
    if (!stock) return [line];
    if (stock.available <= 0) return [];
    const quantity = Math.min(line.quantity, stock.available);
    return [{ ...line, quantity, lineTotal: line.unitPrice * quantity }];
  });
}

/** The lines with a change to show, each with what changed in words. */
export function describeChanges(lines: readonly CheckoutLine[]): Map<string, string[]> {
  const changes = new Map<string, string[]>();
  for (const line of lines) {
    const notes: string[] = [];
    const price = line.changed?.price;
    if (price) notes.push(price.now < price.was ? 'Price dropped' : 'Price went up');
    const stock = line.changed?.stock;
    if (stock) notes.push(stock.available <= 0 ? 'Sold out' : `Only ${stock.available} left (you wanted ${stock.wanted})`);
    if (notes.length) changes.set(`${line.productId}/${line.variantId}`, notes);
  }
  return changes;
}

/**
 * Totals as the server would count them before its own checks, for an offline summary: the cart's
 * maths (MRP, discount, delivery); order offers are left to the server, which may only lower it.
 */
export function provisionalTotals(lines: readonly OrderLine[], summarize: Summarize): OrderTotals {
  const summary = summarize(lines.map((line) => ({ unitMrp: line.mrp, unitPrice: line.unitPrice, quantity: line.quantity })));
  return { itemCount: summary.itemCount, mrp: summary.mrpTotal, discount: summary.discount, offers: 0, deliveryFee: summary.deliveryFee, total: summary.total };
}
