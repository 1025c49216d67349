/** `/api/cart`: the shopper's cart, kept on the server per browser (and, after login, per account). */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { PRODUCT_ID_PATTERN } from '../catalog/http/query-schemas';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { sameOriginOnly } from '../http/same-origin';
import { parseInput } from '../http/validate';
import { accountCartForRequest } from './cart-merge';
import { addItem, createGuestCart, findGuestCart, MAX_LINE_QUANTITY, removeLine, setLineQuantity } from './cart-store';
import { viewCart } from './cart-view';
import { hashToken } from '../http/token-hash';
import { issueGuestToken, readGuestToken } from './guest-cookie';
import { noStore } from '../http/no-store';
import { readOptionalIdempotencyKey, requestHash } from '../http/idempotency-key';

const quantity = z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
const addBody = z.strictObject({
  productId: z.string().regex(PRODUCT_ID_PATTERN, 'is not a product id'),
  variantId: z.string().max(64).optional(),
  quantity: quantity.default(1),
});
const setBody = z.strictObject({ quantity });
const lineParams = z.object({ lineId: z.uuid('is not a cart line id') });

export function cartRoutes(deps: ServerDeps): Router {
  const { store, config, now } = deps;
  const { db } = store;
  const secure = config.secureCookies;
  const router = Router();
  router.use(sameOriginOnly);
  router.use(noStore);

  // A signed-in shopper's cart belongs to the account; a guest's to the browser's cookie.
  const existingCart = async (req: Request): Promise<string | null> => {
    const own = await accountCartForRequest(deps, req);
    if (own !== undefined) return own;
    const token = readGuestToken(req, secure);
    return token ? findGuestCart(db, hashToken(token), now()) : null;
  };
  const cartForWrite = async (req: Request, res: Response): Promise<string> => {
    const own = await accountCartForRequest(deps, req, true);
    if (own) return own;
    const id = await existingCart(req);
    return id ?? createGuestCart(db, hashToken(issueGuestToken(res, secure)), now());
  };

  router.get('/', async (req, res) => {
    res.json(await viewCart(db, await existingCart(req)));
  });

  router.post('/items', async (req, res) => {
    const key = readOptionalIdempotencyKey(req.headers['idempotency-key']);
    const body = parseInput(addBody, req.body, 'cart item');
    const cartId = await cartForWrite(req, res);
    const item = { productId: body.productId, variantId: body.variantId ?? '', quantity: body.quantity };
    const applied = await addItem(db, cartId, item, now(), key === null ? undefined : { key, hash: requestHash('POST', '/api/cart/items', item) });
    // A replay answers the cart as it is now (later changes included), marked as such.
    if (!applied) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).json(await viewCart(db, cartId));
  });

  router.patch('/items/:lineId', async (req, res) => {
    const { lineId } = parseInput(lineParams, req.params, 'cart line');
    const body = parseInput(setBody, req.body, 'quantity');
    const cartId = await existingCart(req);
    if (!cartId) throw new AppError('cart-line-not-found', { lineId });
    await setLineQuantity(db, cartId, lineId, body.quantity, now());
    res.json(await viewCart(db, cartId));
  });

  router.delete('/items/:lineId', async (req, res) => {
    const { lineId } = parseInput(lineParams, req.params, 'cart line');
    const cartId = await existingCart(req);
    if (!cartId) throw new AppError('cart-line-not-found', { lineId });
    await removeLine(db, cartId, lineId, now());
    res.json(await viewCart(db, cartId));
  });

  return router;
}
