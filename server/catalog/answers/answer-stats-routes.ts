/**
 * `GET /ops/api/catalog/answers` for operators: how much memory the catalog's answers hold against
 * their budget, and how often they were served from memory, waited for, or built.
 */
import express, { type Router } from 'express';
import { noStore } from '../../http/no-store';
import { requireOperator, type OperatorAuth } from '../../http/operators/operator-auth';
import type { CatalogAnswers } from './catalog-answers';

export function answerStatsRoutes(answers: CatalogAnswers, operators: OperatorAuth): Router {
  const router = express.Router();
  router.use(requireOperator(operators));
  router.use(noStore);
  router.get('/', (_req, res) => {
    res.json(answers.stats());
  });
  return router;
}
