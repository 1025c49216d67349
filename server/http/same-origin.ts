/**
 * Refuses state-changing requests that another site started (CSRF). Browsers say where a request
 * came from in `Sec-Fetch-Site`, and older ones in `Origin`, compared here by scheme, host and
 * port. A write that carries neither, or `Origin: null` (sandboxed frames, some redirects, `data:`
 * and `file:` pages), is refused too: every page of the shop sends one of them. Only a request
 * with an `Authorization` header may go without: a browser never adds one by itself, and another
 * site cannot make it send one without a CORS preflight, which the shop never grants.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a state-changing request is refused, or null when it came from the shop's own pages. */
export function crossSiteReason(req: Request): string | null {
  const decided = fetchMetadataReason(req.method, req.headers);
  if (decided !== undefined) return decided;
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers.authorization !== undefined ? null : 'request without Origin or Sec-Fetch-Site';
  if (origin === 'null') return 'opaque origin';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'unreadable Origin';
  }
  // `req.protocol` and `req.host` follow X-Forwarded-* only from proxies that TRUST_PROXY names.
  return parsed.protocol === `${req.protocol}:` && parsed.host === req.host ? null : 'cross-origin request';
}

/**
 * What the method and `Sec-Fetch-Site` alone decide (null: allowed, a string: refused), or
 * undefined when the request carries no `Sec-Fetch-Site` and its `Origin` must be compared.
 */
export function fetchMetadataReason(method: string | undefined, headers: IncomingHttpHeaders): string | null | undefined {
  if (method !== undefined && SAFE_METHODS.has(method)) return null;
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? null : 'cross-site request';
  return undefined;
}

/** Refuses a state-changing request another site started, as `forbidden`. */
export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  const reason = crossSiteReason(req);
  next(reason === null ? undefined : new AppError('forbidden', { reason }));
};
