/**
 * The catalog API under /api/catalog: categories, home, browse, search, suggest and products.
 * Every read answers from memory (answers/); the server's request listener answers most of them
 * before Express, and this router answers the rest (and every error) the same way.
 */
import express, { type Router } from 'express';
import type { CatalogAnswers } from './answers/catalog-answers';
import { CATALOG_READS } from './answers/catalog-reads';
import { sendAnswer } from './answers/send-answer';

/** Builds the catalog router over the catalog's answers. */
export function catalogRoutes(answers: CatalogAnswers): Router {
  const router = express.Router();
  for (const read of CATALOG_READS) {
    router.get(read.path, async (req, res) => {
      sendAnswer(req, res, await read.answer(answers, req.params as Record<string, string>, req.query as Record<string, string | string[]>));
    });
  }
  return router;
}
