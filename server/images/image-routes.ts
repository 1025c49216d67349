/**
 * Product images under `/img`, every answer cached for a year as `immutable`:
 * - `/img/v1/<key>/<width>.<avif|webp>` — processed photos, content-addressed (a new photo is a new key);
 * - `/img/p/<productId>/<n>.svg?v=…` — a seeded drawing, drawn on the fly; asking for one also queues
 *   it to become a photo (see photo-pipeline), so the pages people look at turn into photos first.
 */
import express, { type Router } from 'express';
import { PHOTO_PATH, PHOTO_VERSION, photoMime, type PhotoFormat } from '../../shared/product-images';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { jsonErrors } from '../http/error-handler';
import { onCatalogChanged } from '../catalog/catalog-events';
import { MAX_SHOTS, parseImageSpec } from '../catalog/images/image-spec';
import { renderProductSvg } from '../catalog/images/render-svg';
import { LruCache } from '../catalog/images/svg-cache';
import { PRODUCT_ID_PATTERN } from '../catalog/http/query-schemas';
import type { PhotoPipeline } from './photo-pipeline';
import type { ImageStore } from './store/image-store';

// SVGs are about 2 KB each, card photos a few KB: together a few tens of MB for the hottest images.
const SVG_ENTRIES = 2000;
const PHOTO_ENTRIES = 3000;
const FILE_PATTERN = /^([0-9]{1,2})\.svg$/;
// An SVG opened on its own is a document: it may run nothing, load nothing and not be framed.
const SVG_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The image router, mounted at /img. */
export function imageRoutes(deps: ServerDeps, images: ImageStore, photos: PhotoPipeline): Router {
  const { store } = deps;
  const svgs = new LruCache<string>(SVG_ENTRIES);
  const files = new LruCache<Buffer>(PHOTO_ENTRIES);
  // Prices and stock are not drawn: only a change that may touch images clears the cache, and a
  // change of some products' pictures drops their drawings only.
  onCatalogChanged(store, (change) => {
    if (!change) svgs.clear();
    else for (const id of change.pictures ?? []) for (let index = 0; index < MAX_SHOTS; index++) svgs.delete(`${id}/${index}`);
  });
  const router = express.Router();

  router.get('/v:version/:key/:file', async (req, res) => {
    const match = PHOTO_PATH.exec(`/img${req.path}`);
    if (!match || Number(match[1]) !== PHOTO_VERSION) throw new AppError('not-found', { path: req.originalUrl.split('?')[0] });
    const [, , key, width, format] = match as unknown as [string, string, string, string, PhotoFormat];
    const name = `${width}.${format}`;
    const cacheKey = `${key}/${name}`;
    let bytes = files.get(cacheKey);
    if (bytes === undefined) {
      bytes = await images.getDerived(key, name);
      if (bytes === undefined) throw new AppError('not-found', { path: req.originalUrl.split('?')[0] });
      files.set(cacheKey, bytes);
    }
    res.setHeader('Content-Type', photoMime(format));
    res.setHeader('Cache-Control', IMMUTABLE);
    res.send(bytes);
  });

  router.get('/p/:productId/:file', async (req, res) => {
    const { productId, file } = req.params;
    const index = FILE_PATTERN.exec(file)?.[1];
    if (!PRODUCT_ID_PATTERN.test(productId) || index === undefined) throw new AppError('not-found', { path: req.originalUrl.split('?')[0] });
    const key = `${productId}/${index}`;
    let svg = svgs.get(key);
    if (svg === undefined) {
      const row = await store.db.selectFrom('products').select('images').where('id', '=', productId).executeTakeFirst();
      if (!row) throw new AppError('product-not-found', { id: productId });
      const spec = parseImageSpec(row.images);
      svg = renderProductSvg(spec, Number(index));
      if (svg === undefined) throw new AppError('not-found', { id: productId, image: Number(index) });
      svgs.set(key, svg);
      if (!spec.shots[Number(index)]!.photo) photos.requestDrawing(productId, Number(index));
    }
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('Content-Security-Policy', SVG_CSP);
    res.send(svg);
  });

  router.use((req, _res, next) => next(new AppError('not-found', { path: req.originalUrl.split('?')[0] })));
  router.use(jsonErrors(deps.logger, 'image request'));
  return router;
}
