/**
 * Level 2 of the two-level templating: the URL picks a route type, the prepared shell gets a fresh
 * nonce, and the bytes go out with one `writeHead`. No React, no disk, no database on this path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import Negotiator from 'negotiator';
import { SHELL_URL_PREFIX } from '../../shared/sw-release';
import { AppError } from '../errors/app-error';
import { isServerPath } from '../../shared/server-paths';
import { createCspHeader } from './csp';
import { dataPreloadLink } from './data-preload';
import { shellFor } from './load-release';
import { createNonce } from './nonce';
import type { PreparedShell } from './prepared-shell';
import type { ReleaseRegistry } from './release-registry';

const ENCODINGS = ['gzip', 'identity'];

export interface ShellOptions {
  assetBaseUrl: string;
  /** Security headers every shell carries besides its CSP (the helmet set, captured at start). */
  headers: ReadonlyArray<readonly [string, string]>;
}

/** Serves the shell of every route type; everything else passes on. */
export function shellRoutes(releases: ReleaseRegistry, options: ShellOptions): RequestHandler {
  const send = createShellSender(options);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // `/__shells/<app>/<shell>`: the same prepared shell at a stable URL, for the worker's precache.
    if (req.path.startsWith(SHELL_URL_PREFIX)) {
      const shell = releases.current.shells.get(req.path.slice(SHELL_URL_PREFIX.length));
      return shell ? send(req, res, shell) : next();
    }
    if (isServerPath(req.path)) return next();
    const found = shellFor(releases.current, req.path);
    if (!found) return next();
    send(req, res, found.shell, dataPreloadLink(found.match, req.url));
  };
}

/** The shop's own 404 page for navigations no route matched; JSON for everything else. */
export function notFoundPage(releases: ReleaseRegistry, options: ShellOptions): RequestHandler {
  const send = createShellSender(options);
  return (req, res, next) => {
    const notFound = releases.current.notFound;
    const navigation = (req.method === 'GET' || req.method === 'HEAD') && !isServerPath(req.path) && req.accepts('html') === 'html';
    if (notFound && navigation) return send(req, res, notFound);
    next(new AppError('not-found'));
  };
}

type ShellSender = (req: IncomingMessage, res: ServerResponse, shell: PreparedShell, preload?: string | null) => void;

function createShellSender({ assetBaseUrl, headers }: ShellOptions): ShellSender {
  const csp = createCspHeader(assetBaseUrl);
  const fixed = headers.filter(([name]) => name.toLowerCase() !== 'content-security-policy').flat();
  return (req, res, shell, preload) => {
    const nonce = createNonce();
    const nonceBytes = Buffer.from(nonce, 'latin1');
    const plain = shell.render(nonceBytes);
    const gzip = req.headers['accept-encoding'] !== undefined && new Negotiator(req).encoding(ENCODINGS) === 'gzip';
    const body = gzip ? shell.renderGzip(plain, nonceBytes) : plain;
    res.writeHead(shell.status, [
      ...fixed,
      'Content-Security-Policy', csp(nonce),
      'Content-Type', 'text/html; charset=utf-8',
      // Shells change with every deploy; the browser must revalidate (the worker keeps its own copy).
      'Cache-Control', 'no-cache',
      'Vary', 'Accept-Encoding',
      ...(gzip ? ['Content-Encoding', 'gzip'] : []),
      ...(preload ? ['Link', preload] : []),
      'Content-Length', String(body.length),
    ]);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
