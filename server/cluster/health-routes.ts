/**
 * `/healthz` and `/readyz` for load balancers and orchestrators. `/healthz` says the process is
 * alive (200 whenever it can answer at all); `/readyz` says this node should get traffic: the
 * store answers, Redis answers when configured, a release is loaded, and the node is not
 * draining. A failed check answers 503 naming it, so an operator sees why at once.
 */
import { Router } from 'express';
import { sql } from 'kysely';
import type { SharedLimits } from './shared-limits';
import type { Store } from '../store/database';

/** How long a readiness check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 2000;

export interface Readiness {
  store: Store;
  limits: SharedLimits;
  /** The release this node serves, or a message saying why it has none (or lags the store's). */
  release(): { ok: true; id: string } | { ok: false; error: string };
  /** True once a SIGTERM began the drain. */
  draining(): boolean;
}

type Check = { ok: true; detail?: string } | { ok: false; error: string };

/** The two health routes. */
export function healthRoutes(readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'alive', uptimeSec: Math.round(process.uptime()) });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, Check> = {
      store: await timed(() => sql`select 1`.execute(readiness.store.db)),
      ...(readiness.limits.kind === 'redis' ? { redis: await timed(() => readiness.limits.ping()) } : {}),
      release: releaseCheck(readiness),
      ...(readiness.draining() ? { draining: { ok: false, error: 'shutting down: finishing requests in flight' } as Check } : {}),
    };
    const failed = Object.entries(checks).filter(([, check]) => !check.ok).map(([name]) => name);
    res.setHeader('Cache-Control', 'no-store');
    res.status(failed.length === 0 ? 200 : 503).json({ status: failed.length === 0 ? 'ready' : 'not-ready', failed, checks });
  });
  return router;
}

function releaseCheck(readiness: Readiness): Check {
  const release = readiness.release();
  return release.ok ? { ok: true, detail: release.id } : { ok: false, error: release.error };
}

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    await Promise.race([probe(), late]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
