/**
 * Refuses state-changing requests that another site started (CSRF): browsers say so in
 * `Sec-Fetch-Site`, and older ones in `Origin`. Requests without either (non-browser clients,
 * which carry no ambient cookies of a shopper) pass.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) {
    return site === 'same-origin' || site === 'none' ? next() : next(new AppError('forbidden', { reason: 'cross-site request' }));
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      // An unparseable Origin is treated as foreign.
    }
    if (host !== req.headers.host) return next(new AppError('forbidden', { reason: 'cross-origin request' }));
  }
  next();
};
