/**
 * The kill switch for operators: `POST /ops/api/sw/kill`, `POST /ops/api/sw/revive`, and
 * `GET /ops/api/sw` for its state, behind the operator token or session (`requireOperator`).
 */
import express, { type Router } from 'express';
import type { ServerDeps } from '../deps';
import { sameOriginOnly } from '../http/same-origin';
import { requireOperator, type OperatorAuth } from '../http/operators/operator-auth';
import type { KillSwitch } from './kill-switch';
import { noStore } from '../http/no-store';

export function swOpsRoutes(deps: ServerDeps, killSwitch: KillSwitch, operators: OperatorAuth): Router {
  const router = express.Router();
  router.use(requireOperator(operators));
  router.use(sameOriginOnly);
  router.use(noStore);
  router.get('/', (_req, res) => {
    res.json({ killed: killSwitch.killed });
  });
  for (const [action, killed] of [['kill', true], ['revive', false]] as const) {
    router.post(`/${action}`, async (_req, res) => {
      await killSwitch.set(killed, deps.now());
      deps.logger.warn({ killed }, `service worker kill switch turned ${killed ? 'on' : 'off'} from /ops`);
      res.json({ killed });
    });
  }
  return router;
}
