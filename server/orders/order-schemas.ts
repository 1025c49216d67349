/** What the checkout and order endpoints accept, as zod schemas; anything else is a `bad-request` naming the field. */
import { z } from 'zod';
import { PRODUCT_ID_PATTERN } from '../catalog/http/query-schemas';
import { MAX_LINE_QUANTITY, MAX_LINES } from '../cart/cart-store';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ORDER_ID_PATTERN } from './order-store';
import { ORDER_STATUSES } from './order-status';

/** No price in the catalog comes near ₹1 crore; anything bigger is a mistake or an attack. */
export const MAX_PAISE = 1_00_00_000_00;

const productId = z.string().regex(PRODUCT_ID_PATTERN, 'is not a product id');
// Products without variants use ''; null is read as '' too, since JSON clients often send it.
const variantId = z
  .union([z.string().regex(/^([A-Za-z0-9_-]{1,64})?$/, 'is not a variant id'), z.null()])
  .transform((v) => v ?? '');
const quantity = z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
const unitPrice = z.number().int('must be a whole number of paise').min(0, 'cannot be negative').max(MAX_PAISE, 'is not a price we sell at');

/** Each item at most once, so a line's stock and price are checked once. */
function uniqueItems(lines: ReadonlyArray<{ productId: string; variantId: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const key = `${line.productId}\u0000${line.variantId}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: 'names the same item as an earlier line; send one line with the total quantity' });
    seen.add(key);
  });
}

const lines = <T extends z.ZodType<{ productId: string; variantId: string }>>(line: T) =>
  z.array(line).min(1, 'must hold at least one line').max(MAX_LINES, `can hold at most ${MAX_LINES} lines`).superRefine(uniqueItems);

export const addressId = z.uuid('is not an address id');

export const summaryBody = z.strictObject({
  addressId,
  lines: lines(z.strictObject({ productId, variantId, quantity, unitPrice: unitPrice.optional() })).optional(),
});

export const placeOrderBody = z.strictObject({
  addressId,
  paymentMethod: z.enum(['cod', 'test-gateway'], "must be 'cod' or 'test-gateway'"),
  lines: lines(z.strictObject({ productId, variantId, quantity, unitPrice })),
});

export const orderParams = z.object({ orderId: z.string().regex(ORDER_ID_PATTERN, 'is not an order id') });

export const listQuery = z.strictObject({
  cursor: z.string().max(200, 'is not a cursor this server gave').optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(1, 'must be at least 1').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`))
    .default(DEFAULT_PAGE_SIZE),
});

export const paymentReturnBody = z.strictObject({
  payment: z.enum(['paid', 'failed'], "must be 'paid' or 'failed'"),
  sig: z.string().regex(/^[0-9a-f]{64}$/, 'is not a signature'),
});

export const statusBody = z.strictObject({ status: z.enum(ORDER_STATUSES as [string, ...string[]], `must be one of ${ORDER_STATUSES.join(', ')}`) });
