/**
 * Test-only: counts requests by path so end-to-end tests can prove a response came from the
 * service worker (the server never saw it). On only when COUNT_REQUESTS=1; `GET /__test/requests`
 * returns `{path: count}`, `DELETE` resets. The server's request listener counts every request,
 * including those answered before Express (shells, catalog reads).
 */
import type { RequestHandler } from 'express';

const COUNTS_PATH = '/__test/requests';

export interface RequestCounter {
  /** Counts one request for `pathname` (the counts' own path excepted). */
  count(pathname: string): void;
  /** Express middleware answering `/__test/requests`. */
  routes: RequestHandler;
}

/** The counter, or null when counting is off (the default). */
export function requestCounter(env: NodeJS.ProcessEnv = process.env): RequestCounter | null {
  if (env.COUNT_REQUESTS !== '1') return null;
  let counts = new Map<string, number>();
  return {
    count(pathname) {
      if (pathname !== COUNTS_PATH) counts.set(pathname, (counts.get(pathname) ?? 0) + 1);
    },
    routes(req, res, next) {
      if (req.path !== COUNTS_PATH) return next();
      res.setHeader('Cache-Control', 'no-store');
      if (req.method === 'DELETE') counts = new Map();
      res.json(Object.fromEntries(counts));
    },
  };
}
