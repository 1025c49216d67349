/**
 * Everything under /ops: the login page, then operator-only routes — the dashboards API and the
 * console. State-changing requests must come from our own pages (CSRF), whatever the credential.
 */
import express, { type Router } from 'express';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { jsonErrors } from '../http/error-handler';
import { requireJson } from '../http/require-json';
import { sameOriginOnly } from '../http/same-origin';
import { loginRoutes } from './auth/login-routes';
import { requireOperator, type OperatorAuth } from '../http/operators/operator-auth';
import { consoleRoutes } from './console/console-page';
import { dashboardRoutes } from './dashboards/dashboard-routes';
import { DashboardStore } from './dashboards/dashboard-store';

export function opsRoutes(deps: ServerDeps, auth: OperatorAuth): Router {
  const router = express.Router();
  router.use(loginRoutes(auth));
  router.use(requireOperator(auth));

  const api = express.Router();
  api.use(sameOriginOnly);
  api.use(requireJson);
  api.use(express.json({ limit: '64kb', strict: false }));
  api.use('/dashboards', dashboardRoutes(new DashboardStore(deps.store.db, deps.now)));
  api.use((_req, _res, next) => next(new AppError('not-found')));
  api.use(jsonErrors(deps.logger, 'ops request'));
  router.use('/api', api);

  router.use(consoleRoutes(deps.config.distDir));
  return router;
}
