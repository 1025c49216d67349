/**
 * Test-only: counts requests by path so end-to-end tests can prove a response came from the
 * service worker (the server never saw it). On only when COUNT_REQUESTS=1; `GET /__test/requests`
 * returns `{path: count}`, `DELETE` resets.
 */
import type { RequestHandler } from 'express';

/** The counting middleware, or null when counting is off (the default). */
export function requestCounter(env: NodeJS.ProcessEnv = process.env): RequestHandler | null {
  if (env.COUNT_REQUESTS !== '1') return null;
  let counts = new Map<string, number>();
  return (req, res, next) => {
    if (req.path === '/__test/requests') {
      res.setHeader('Cache-Control', 'no-store');
      if (req.method === 'DELETE') counts = new Map();
      res.json(Object.fromEntries(counts));
      return;
    }
    counts.set(req.path, (counts.get(req.path) ?? 0) + 1);
    next();
  };
}
