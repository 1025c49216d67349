/**
 * Product images, drawn on the server as small SVGs: `GET /img/p/:productId/:n.svg?v=…`.
 * No external image hosts; the URL carries the renderer version, so answers are cached forever.
 */
import express, { type Router } from 'express';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { jsonErrors } from '../http/error-handler';
import { onCatalogChanged } from './catalog-events';
import { parseImageSpec } from './images/image-spec';
import { renderProductSvg } from './images/render-svg';
import { LruCache } from './images/svg-cache';
import { PRODUCT_ID_PATTERN } from './http/query-schemas';

// About 2 KB each: a few MB holds every image of the hottest products.
const CACHE_ENTRIES = 2000;
const FILE_PATTERN = /^([0-9]{1,2})\.svg$/;
// An SVG opened on its own is a document: it may run nothing, load nothing and not be framed.
const SVG_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** The image router, mounted at /img. */
export function imageRoutes(deps: ServerDeps): Router {
  const { store } = deps;
  const cache = new LruCache<string>(CACHE_ENTRIES);
  // Prices and stock are not drawn: only a change that may touch images clears the cache.
  onCatalogChanged(store, (change) => {
    if (!change) cache.clear();
  });
  const router = express.Router();

  router.get('/p/:productId/:file', async (req, res) => {
    const { productId, file } = req.params;
    const index = FILE_PATTERN.exec(file)?.[1];
    if (!PRODUCT_ID_PATTERN.test(productId) || index === undefined) throw new AppError('not-found', { path: req.originalUrl.split('?')[0] });
    const key = `${productId}/${index}`;
    let svg = cache.get(key);
    if (svg === undefined) {
      const row = await store.db.selectFrom('products').select('images').where('id', '=', productId).executeTakeFirst();
      if (!row) throw new AppError('product-not-found', { id: productId });
      svg = renderProductSvg(parseImageSpec(row.images), Number(index));
      if (svg === undefined) throw new AppError('not-found', { id: productId, image: Number(index) });
      cache.set(key, svg);
    }
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Content-Security-Policy', SVG_CSP);
    res.send(svg);
  });

  router.use((req, _res, next) => next(new AppError('not-found', { path: req.originalUrl.split('?')[0] })));
  router.use(jsonErrors(deps.logger, 'image request'));
  return router;
}
