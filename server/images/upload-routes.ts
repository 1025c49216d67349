/**
 * `POST /ops/api/catalog/products/:productId/images` (operator token or session): adds images to a
 * product. The body is the image itself or multipart/form-data (`image` fields, `alt`); `?alt=` and
 * `?position=` (0-based, default last) are optional. Answers 201 once every image is processed:
 * `{"productId", "images": [{"index", "alt", "image", "palette", "swatches"}]}`.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { photoUrl } from '../../shared/product-images';
import type { ProductImage } from '../../shared/api-types';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { jsonErrors } from '../http/error-handler';
import { noStore } from '../http/no-store';
import { requireOperator, type OperatorAuth } from '../http/operators/operator-auth';
import { sameOriginOnly } from '../http/same-origin';
import { parseInput } from '../http/validate';
import { PRODUCT_ID_PATTERN } from '../catalog/http/query-schemas';
import type { AddedImage, PhotoPipeline } from './photo-pipeline';
import { readUploadFiles } from './upload-body';

const querySchema = z.object({
  alt: z.string().max(200).optional(),
  position: z.coerce.number().int().min(0).max(100).optional(),
});

/** The answer's view of an added image. */
export function addedImageView({ index, alt, photo }: AddedImage): { index: number; alt: string; image: ProductImage; palette: AddedImage['photo']['palette']; swatches: AddedImage['photo']['swatches'] } {
  const { key, width, height, widths, placeholder } = photo;
  return { index, alt, image: { url: photoUrl(photo, widths[0]!, 'webp'), alt, photo: { key, width, height, widths, placeholder } }, palette: photo.palette, swatches: photo.swatches };
}

/** The upload API, mounted at /ops/api/catalog/products/:productId/images. */
export function uploadRoutes(deps: ServerDeps, operators: OperatorAuth, photos: PhotoPipeline): Router {
  const router = express.Router({ mergeParams: true });
  router.use(requireOperator(operators));
  router.use(sameOriginOnly);
  router.use(noStore);
  router.post('/', async (req, res) => {
    const { productId } = req.params as { productId: string };
    if (!PRODUCT_ID_PATTERN.test(productId)) throw new AppError('product-not-found', { id: productId });
    const query = parseInput(querySchema, req.query, 'query');
    const files = await readUploadFiles(req, query.alt);
    const added = await photos.addUploads(productId, files, query.position);
    deps.logger.info({ productId, images: added.length }, 'operator added product images');
    res.status(201).json({ productId, images: added.map(addedImageView) });
  });
  router.use((req, _res, next) => next(new AppError('method-not-allowed', { method: req.method })));
  router.use(jsonErrors(deps.logger, 'image upload'));
  return router;
}
