/**
 * `/api/wishlist` for signed-in shoppers (a guest's wishlist lives in the browser until login):
 * `GET /` the products, `GET /ids` just the ids (for the hearts), `PUT|DELETE /items/:productId`.
 */
import { Router } from 'express';
import type { Wishlist } from '../../shared/api-types';
import { productParams } from '../catalog/http/query-schemas';
import { requireSession } from '../auth/session/current-session';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { noStore } from '../http/no-store';
import { sameOriginOnly } from '../http/same-origin';
import { parseInput } from '../http/validate';
import { addToWishlist, removeFromWishlist, wishlistIds, wishlistProducts } from './wishlist-store';

/** Runs after products were added to an account's wishlist (push starts watching their price). */
export type WishlistAddHook = (accountId: string, productIds: readonly string[]) => Promise<void>;

export interface WishlistHooks {
  onAdd: readonly WishlistAddHook[];
}

export function wishlistRoutes(deps: ServerDeps, hooks: WishlistHooks): Router {
  const { db } = deps.store;
  const router = Router();
  router.use(sameOriginOnly);
  router.use(noStore);

  router.get('/', async (req, res) => {
    const { accountId } = await requireSession(deps, req);
    res.json({ products: await wishlistProducts(db, accountId) } satisfies Wishlist);
  });

  router.get('/ids', async (req, res) => {
    const { accountId } = await requireSession(deps, req);
    res.json({ ids: await wishlistIds(db, accountId) });
  });

  router.put('/items/:productId', async (req, res) => {
    const { accountId } = await requireSession(deps, req);
    const { itemId } = parseInput(productParams, { itemId: req.params.productId }, 'product');
    const added = await addToWishlist(db, accountId, [itemId], deps.now());
    if (added.length === 0 && !(await wishlistIds(db, accountId)).includes(itemId)) throw new AppError('product-not-found', { productId: itemId });
    for (const hook of hooks.onAdd) await hook(accountId, added);
    res.status(added.length > 0 ? 201 : 200).json({ ids: await wishlistIds(db, accountId) });
  });

  router.delete('/items/:productId', async (req, res) => {
    const { accountId } = await requireSession(deps, req);
    const { itemId } = parseInput(productParams, { itemId: req.params.productId }, 'product');
    await removeFromWishlist(db, accountId, itemId);
    res.json({ ids: await wishlistIds(db, accountId) });
  });

  return router;
}
