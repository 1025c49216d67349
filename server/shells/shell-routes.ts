/**
 * Level 2 of the two-level templating: the URL picks a route type, the prepared shell gets a fresh
 * nonce, and the bytes go out with one `writeHead`. No React, no disk, no database on this path,
 * and no Express either: the server's own request listener asks `shellAnswerer` first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { SHELL_URL_PREFIX } from '../../shared/sw-release';
import { AppError } from '../errors/app-error';
import { contentCodingChooser } from '../http/content-coding';
import { isServerPath } from '../../shared/server-paths';
import { createCspHeader } from './csp';
import type { LeadImageFinder } from './data-preload';
import { nextNonce } from './nonce';
import type { PreparedShell } from './prepared-shell';
import type { ReleaseRegistry } from './release-registry';
import { lookUpShell } from './shell-lookup';

// Shells are spliced into gzip per request (decisions/0001); brotli would mean compressing per request.
const ENCODINGS = ['gzip', 'identity'];

export interface ShellOptions {
  assetBaseUrl: string;
  /** Security headers every shell carries besides its CSP (the helmet set, captured at start). */
  headers: ReadonlyArray<readonly [string, string]>;
  /** Names a page's largest picture for its `Link` header and lead slot (decisions/0025); none when absent. */
  leadImage?: LeadImageFinder;
}

/** Answers a GET or HEAD of a page or `/__shells/…` URL and returns true; returns false for anything else. */
export type ShellAnswerer = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;

/** The shell of every route type, answered straight off the server's request listener. */
export function shellAnswerer(releases: ReleaseRegistry, options: ShellOptions): ShellAnswerer {
  const send = createShellSender(options);
  return (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    // `/__shells/<app>/<shell>`: the same prepared shell at a stable URL, for the worker's precache.
    if (pathname.startsWith(SHELL_URL_PREFIX)) {
      const shell = releases.current.shells.get(pathname.slice(SHELL_URL_PREFIX.length));
      if (!shell) return false;
      send(req, res, shell);
      return true;
    }
    if (isServerPath(pathname)) return false;
    const found = lookUpShell(releases.current, pathname, (req.url ?? pathname).length !== pathname.length);
    if (!found) return false;
    // Per request, not remembered with the path: the picture follows the catalog's answers.
    const lead = found.dataPath !== null && options.leadImage ? options.leadImage(found.dataPath) : null;
    send(req, res, found.shell, lead ? preloadWithLead(found.preload, lead) : found.preload, lead?.html);
    return true;
  };
}

type LeadImage = NonNullable<ReturnType<LeadImageFinder>>;

/** Each lead picture's `Link` value joined to the data preload it comes with, made once per picture. */
const joinedLinks = new WeakMap<LeadImage, { preload: string | null; link: string }>();

/** `preload, lead.link`: the same string for every response that names this picture after this preload. */
function preloadWithLead(preload: string | null, lead: LeadImage): string {
  const joined = joinedLinks.get(lead);
  if (joined && joined.preload === preload) return joined.link;
  const link = preload === null ? lead.link : `${preload}, ${lead.link}`;
  joinedLinks.set(lead, { preload, link });
  return link;
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

type ShellSender = (req: IncomingMessage, res: ServerResponse, shell: PreparedShell, preload?: string | null, lead?: Buffer | null) => void;

/**
 * A shell's header list in one coding, with empty values where each response puts its own. One
 * list per shell, coding and Link or none, written into by each response: node:http reads a
 * `writeHead` list while writing the head and keeps no hold of it, so nothing is copied per response.
 */
interface HeaderList {
  names: string[];
  cspAt: number;
  lengthAt: number;
  /** Where the `Link` value goes, or -1 for the list without one. */
  linkAt: number;
}

/** A shell's four header lists. */
interface ShellHeaders {
  gzip: HeaderList;
  identity: HeaderList;
  gzipLinked: HeaderList;
  identityLinked: HeaderList;
}

function createShellSender({ assetBaseUrl, headers }: ShellOptions): ShellSender {
  const csp = createCspHeader(assetBaseUrl);
  const coding = contentCodingChooser(ENCODINGS);
  const fixed = headers.filter(([name]) => name.toLowerCase() !== 'content-security-policy').flat();
  const headerList = (gzip: boolean, linked: boolean): HeaderList => {
    const names = [
      ...fixed,
      'Content-Security-Policy', '',
      'Content-Type', 'text/html; charset=utf-8',
      // Shells change with every deploy; the browser must revalidate (the worker keeps its own copy).
      'Cache-Control', 'no-cache',
      'Vary', 'Accept-Encoding',
      ...(gzip ? ['Content-Encoding', 'gzip'] : []),
      'Content-Length', '',
      ...(linked ? ['Link', ''] : []),
    ];
    const lengthAt = names.indexOf('Content-Length') + 1;
    return { names, cspAt: names.indexOf('Content-Security-Policy') + 1, lengthAt, linkAt: linked ? lengthAt + 2 : -1 };
  };
  const lists = new WeakMap<PreparedShell, ShellHeaders>();
  return (req, res, shell, preload, lead) => {
    const nonce = nextNonce();
    const gzip = coding(req.headers['accept-encoding']) === 'gzip';
    const body = gzip ? shell.renderGzip(nonce.bytes, lead) : shell.render(nonce.bytes, lead);
    let all = lists.get(shell);
    if (!all) {
      all = { gzip: headerList(true, false), identity: headerList(false, false), gzipLinked: headerList(true, true), identityLinked: headerList(false, true) };
      lists.set(shell, all);
    }
    const list = preload ? (gzip ? all.gzipLinked : all.identityLinked) : gzip ? all.gzip : all.identity;
    const { names } = list;
    names[list.cspAt] = csp(nonce.text);
    names[list.lengthAt] = String(body.length);
    if (preload) names[list.linkAt] = preload;
    res.writeHead(shell.status, names);
    // Blank again: the shared list keeps no response's values alive.
    names[list.cspAt] = names[list.lengthAt] = '';
    if (preload) names[list.linkAt] = '';
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
