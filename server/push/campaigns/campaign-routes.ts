/**
 * Operators' campaigns (ARCHITECTURE §8), behind the operator token or console session:
 * `POST /ops/api/push/campaigns` `{title, body, url, topic?, segment?}` → 202 with the campaign
 * (sent now, or when quiet hours end); `GET /ops/api/push/campaigns[/:id]` with their counts.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { ServerDeps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { jsonErrors } from '../../http/error-handler';
import { noStore } from '../../http/no-store';
import { requireOperator, type OperatorAuth } from '../../http/operators/operator-auth';
import { requireJson } from '../../http/require-json';
import { sameOriginOnly } from '../../http/same-origin';
import { parseInput } from '../../http/validate';
import type { PushService } from '../push-service';
import { createCampaign } from './create-campaign';
import { getCampaign, listCampaigns, toCampaign } from './campaign-store';

const idParams = z.object({ id: z.uuid('is not a campaign id') });

/** Mount at `/ops/api/push`. */
export function campaignRoutes(deps: ServerDeps, push: PushService, operators: OperatorAuth): Router {
  const { db } = deps.store;
  const router = express.Router();
  router.use(requireOperator(operators), sameOriginOnly, noStore, requireJson, express.json({ limit: '16kb', strict: false }));

  router.post('/campaigns', async (req, res) => {
    const campaign = await createCampaign(deps, push, req.body);
    res.status(202).json({ campaign });
  });

  router.get('/campaigns', async (_req, res) => {
    res.json({ campaigns: (await listCampaigns(db)).map(toCampaign) });
  });

  router.get('/campaigns/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'campaign');
    const row = await getCampaign(db, id);
    if (!row) throw new AppError('campaign-not-found', { id });
    res.json({ campaign: toCampaign(row) });
  });

  router.use((_req, _res, next) => next(new AppError('not-found')));
  router.use(jsonErrors(deps.logger, 'push campaign request'));
  return router;
}
