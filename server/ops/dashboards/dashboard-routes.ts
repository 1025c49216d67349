/** CRUD for saved dashboards under /ops/api/dashboards; every body is checked by `dashboardSchema`. */
import express, { type Router } from 'express';
import { AppError } from '../../errors/app-error';
import { parseInput } from '../../http/validate';
import { DASHBOARD_ID, dashboardSchema } from './dashboard-schema';
import type { DashboardStore } from './dashboard-store';

export function dashboardRoutes(store: DashboardStore): Router {
  const router = express.Router();
  const idOf = (value: unknown): string => {
    if (typeof value !== 'string' || !DASHBOARD_ID.test(value)) throw notFound(value);
    return value;
  };

  router.get('/', async (_req, res) => {
    res.json({ dashboards: await store.list() });
  });
  router.post('/', async (req, res) => {
    const dashboard = await store.create(parseInput(dashboardSchema, req.body, 'dashboard'));
    res.status(201).setHeader('Location', `/ops/api/dashboards/${dashboard.id}`).json(dashboard);
  });
  router.get('/:id', async (req, res) => {
    const id = idOf(req.params.id);
    res.json((await store.get(id)) ?? throwError(notFound(id)));
  });
  router.put('/:id', async (req, res) => {
    const id = idOf(req.params.id);
    const input = parseInput(dashboardSchema, req.body, 'dashboard');
    res.json((await store.update(id, input)) ?? throwError(notFound(id)));
  });
  router.delete('/:id', async (req, res) => {
    const id = idOf(req.params.id);
    if (!(await store.remove(id))) throw notFound(id);
    res.status(204).end();
  });
  return router;
}

function notFound(id: unknown): AppError {
  return new AppError('not-found', { dashboard: id }, 'No saved dashboard has this id.');
}

function throwError(error: Error): never {
  throw error;
}
