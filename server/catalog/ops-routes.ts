/** `PATCH /ops/api/catalog/products/:productId` (operator token): restocks and price changes (see product-patch.ts). */
import express, { type Router } from 'express';
import type { ServerDeps } from '../deps';
import { jsonErrors } from '../http/error-handler';
import { noStore } from '../http/no-store';
import { requireJson } from '../http/require-json';
import { sameOriginOnly } from '../http/same-origin';
import { parseInput } from '../http/validate';
import { requireOperator, type OperatorAuth } from '../http/operators/operator-auth';
import { productParams } from './http/query-schemas';
import { patchProduct, productPatchBody } from './product-patch';

/** Mount at `/ops/api/catalog`. */
export function catalogOpsRoutes(deps: ServerDeps, operators: OperatorAuth): Router {
  const router = express.Router();
  router.use(requireOperator(operators), sameOriginOnly, noStore, requireJson, express.json({ limit: '64kb', strict: false }));
  router.patch('/products/:productId', async (req, res) => {
    const { itemId } = parseInput(productParams, { itemId: req.params.productId }, 'product');
    const patch = parseInput(productPatchBody, req.body, 'product change');
    const product = await patchProduct(deps.store, itemId, patch);
    deps.logger.info({ productId: itemId, patch }, 'product changed by an operator');
    res.json({ product });
  });
  router.use(jsonErrors(deps.logger, 'catalog change'));
  return router;
}
