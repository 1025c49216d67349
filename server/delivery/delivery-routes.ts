/**
 * `GET /api/delivery/quote?pin=…&productId=…`: the product page's "deliver to" answer (see
 * delivery-quote.ts). The listing's price comes from the catalog through `priceOf`, wired in
 * app.ts, so this domain knows nothing of how the catalog is stored.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { ServerDeps } from '../deps';
import { PRODUCT_ID_PATTERN } from '../catalog/http/query-schemas';
import { AppError } from '../errors/app-error';
import { noStore } from '../http/no-store';
import { parseInput } from '../http/validate';
import { quoteDelivery, type ListingPrice } from './delivery-quote';
import { PIN_CODE } from './pin-serviceability';

/** The listing's current price, or undefined when no product has this id. */
export type PriceOf = (productId: string) => Promise<ListingPrice | undefined>;

/** The quote's query: a PIN code and a product id, both checked before anything is looked up. */
export const deliveryQuoteQuery = z.object({
  pin: z
    .string({ error: 'is required: the 6-digit PIN code to deliver to' })
    .trim()
    .regex(PIN_CODE, 'must be a 6-digit PIN code that does not start with 0'),
  productId: z.string({ error: 'is required' }).regex(PRODUCT_ID_PATTERN, 'is not a product id'),
});

/** Mount at `/api/delivery`. */
export function deliveryRoutes(deps: ServerDeps, priceOf: PriceOf): Router {
  const router = Router();
  // The answer moves at the dispatch cut-off and with the listing's price: never kept by a cache.
  router.use(noStore);
  router.get('/quote', async (req, res) => {
    const { pin, productId } = parseInput(deliveryQuoteQuery, req.query, 'delivery query');
    const listing = await priceOf(productId);
    if (!listing) throw new AppError('product-not-found', { productId });
    res.json(quoteDelivery(pin, listing, deps.now()));
  });
  return router;
}
