/**
 * Level 2 of the two-level templating: the URL picks a route type, the prepared shell gets a fresh
 * nonce, and the bytes go out. No React, no disk, no database on this path.
 */
import type { Request, RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';
import { AppError } from '../errors/app-error';
import { createCspHeader } from './csp';
import { shellFor } from './load-release';
import { createNonce } from './nonce';
import type { PreparedShell } from './prepared-shell';
import type { ReleaseRegistry } from './release-registry';

const ENCODINGS = ['gzip', 'identity'];

/** Serves the shell of every route type; unknown page URLs get the shop's own 404 page. */
export function shellRoutes(releases: ReleaseRegistry, assetBaseUrl: string): RequestHandler {
  const csp = createCspHeader(assetBaseUrl);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const found = shellFor(releases.current, req.path);
    if (found) return sendShell(req, res, found.shell, csp);
    const notFound = releases.current.notFound;
    if (notFound && req.accepts('html')) return sendShell(req, res, notFound, csp);
    next(new AppError('not-found'));
  };
}

function sendShell(req: Request, res: Response, shell: PreparedShell, csp: (nonce: string) => string): void {
  const nonce = createNonce();
  const nonceBytes = Buffer.from(nonce, 'latin1');
  const plain = shell.render(nonceBytes);
  const gzip = new Negotiator(req).encoding(ENCODINGS) === 'gzip';
  const body = gzip ? shell.renderGzip(plain, nonceBytes) : plain;
  res.statusCode = shell.status;
  res.setHeader('Content-Security-Policy', csp(nonce));
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // Shells change with every deploy; the browser must revalidate (the worker keeps its own copy).
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
