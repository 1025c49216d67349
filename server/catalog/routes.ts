/** The catalog API under /api/catalog: categories, home, browse, search, suggest and products. */
import express, { type Response, type Router } from 'express';
import type { ProductSummary, SearchResult } from '../../shared/api-types';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { browseCategory } from './browse/browse-category';
import { getHome, getProduct, getProductSummaries, listCategories } from './catalog-service';
import { browseQuery, productListQuery, productParams, reviewsQuery, searchQuery, slugParams, suggestQuery } from './http/query-schemas';
import { getReviews } from './reviews/product-reviews';
import { getSimilarProducts } from './similar/similar-products';
import { CatalogSearch } from './search/search-index';

const SUGGESTED_PRODUCTS = 4;

/** Catalog reads may be a minute stale in shared caches; the service worker revalidates them. */
function sendCatalog(res: Response, body: unknown): void {
  res.setHeader('Cache-Control', 'public, max-age=60');
  res.json(body);
}

/** Builds the catalog router; resolves once the search index is built. */
export async function catalogRoutes(deps: ServerDeps): Promise<Router> {
  const { store } = deps;
  const search = await CatalogSearch.open(store);
  const router = express.Router();

  router.get('/categories', async (_req, res) => {
    sendCatalog(res, await listCategories(store));
  });

  router.get('/home', async (_req, res) => {
    sendCatalog(res, await getHome(store));
  });

  router.get('/browse/:slug', async (req, res) => {
    const { slug } = parseInput(slugParams, req.params, 'category');
    const { filters, sort, page, pageSize } = parseInput(browseQuery, req.query, 'query');
    sendCatalog(res, await browseCategory(store, { slug, filters, sort, page, pageSize }));
  });

  router.get('/search', async (req, res) => {
    const { q, sort, page, pageSize, filters } = parseInput(searchQuery, req.query, 'query');
    const { ids, total, facets, correctedQuery } = search.search(q, { sort, page, pageSize, filters });
    const result: SearchResult = { query: q, correctedQuery, products: await getProductSummaries(store, ids), facets, sort, page, pageSize, total };
    sendCatalog(res, result);
  });

  router.get('/suggest', async (req, res) => {
    const { q } = parseInput(suggestQuery, req.query, 'query');
    const { suggestions, ids } = search.suggest(q, SUGGESTED_PRODUCTS);
    const products: ProductSummary[] = await getProductSummaries(store, ids);
    sendCatalog(res, { query: q, suggestions, products });
  });

  router.get('/products/:itemId', async (req, res) => {
    const { itemId } = parseInput(productParams, req.params, 'product id');
    const product = await getProduct(store, itemId);
    if (!product) throw new AppError('product-not-found', { id: itemId });
    sendCatalog(res, product);
  });

  router.get('/products/:itemId/reviews', async (req, res) => {
    const { itemId } = parseInput(productParams, req.params, 'product id');
    const request = parseInput(reviewsQuery, req.query, 'query');
    const page = await getReviews(store.db, itemId, request);
    if (!page) throw new AppError('product-not-found', { id: itemId });
    sendCatalog(res, page);
  });

  router.get('/products/:itemId/similar', async (req, res) => {
    const { itemId } = parseInput(productParams, req.params, 'product id');
    const similar = await getSimilarProducts(store.db, itemId);
    if (!similar) throw new AppError('product-not-found', { id: itemId });
    sendCatalog(res, similar);
  });

  router.get('/products', async (req, res) => {
    const { ids } = parseInput(productListQuery, req.query, 'query');
    sendCatalog(res, await getProductSummaries(store, ids));
  });

  return router;
}
