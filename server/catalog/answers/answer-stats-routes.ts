/**
 * `GET /ops/api/catalog/answers` for operators: how much memory the catalog's answers hold against
 * their budget, and how often they were served from memory, waited for, or built; on PostgreSQL,
 * where the change feed stands (`changes`: the sequence number applied up to, the highest seen,
 * whether a number is awaited), null on SQLite.
 */
import express, { type Router } from 'express';
import { noStore } from '../../http/no-store';
import { requireOperator, type OperatorAuth } from '../../http/operators/operator-auth';
import type { ChangeFeed } from '../changes/change-feed';
import type { CatalogAnswers } from './catalog-answers';

/** The operators' view of the catalog's answers (and change feed), mounted at /ops/api/catalog/answers. */
export function answerStatsRoutes(answers: CatalogAnswers, operators: OperatorAuth, changes: ChangeFeed | null = null): Router {
  const router = express.Router();
  router.use(requireOperator(operators));
  router.use(noStore);
  router.get('/', (_req, res) => {
    res.json({ ...answers.stats(), changes: changes?.stats() ?? null });
  });
  return router;
}
