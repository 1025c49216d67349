/**
 * Catalog reads answered straight off the server's request listener, before Express: the same
 * endpoint table, input checks and answers as the Express router, the same security headers, and
 * the request's timing counted into its route's per-second summary (`API_CALLS`, decisions/0023).
 * Anything unusual (an error to report, a path Express would match differently) goes on to
 * Express, which answers it the same way (and records its own `API_CALL`).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import querystring from 'node:querystring';
import { BoundedMemo } from '../../http/bounded-memo';
import type { ApiTimingRecorder } from '../../telemetry/api-timing';
import type { CatalogAnswers } from './catalog-answers';
import { catalogReadMatcher, type CatalogRead } from './catalog-reads';
import type { EncodedAnswer } from './encoded-answer';
import { sendAnswer } from './send-answer';

const MOUNT = '/api/catalog';
/** The parsed query of a request without one (the reads only read it). */
const NO_QUERY: querystring.ParsedUrlQuery = Object.freeze(Object.create(null) as querystring.ParsedUrlQuery);

export interface FastCatalogOptions {
  /** Security headers every API answer carries (the helmet set, captured at start). */
  headers: ReadonlyArray<readonly [string, string]>;
  timings: ApiTimingRecorder;
  now: () => number;
  /** Where everything this does not answer goes. */
  fallback: RequestListener;
}

/** A read a path resolved to. */
interface Resolved {
  read: CatalogRead;
  /** The route pattern, for timings. */
  route: string;
  params: Readonly<Record<string, string>>;
}

/** Paths remembered at most (see BoundedMemo). */
const MAX_REMEMBERED = 4096;
/** Longer paths are matched every time rather than kept. */
const MAX_REMEMBERED_PATH = 256;

/** A `FastAnswerer` (see server/request-listener.ts) for GET and HEAD of the catalog reads. */
export function fastCatalogReads(answers: CatalogAnswers, options: FastCatalogOptions) {
  const headers = options.headers.flat();
  const matchRead = catalogReadMatcher();
  // Matching nine patterns costs more than the answer; the paths asked for are a bounded set.
  const resolved = new BoundedMemo((sub): Resolved | null => {
    const found = matchRead(sub);
    return found && { ...found, route: MOUNT + found.read.path };
  }, MAX_REMEMBERED, MAX_REMEMBERED_PATH);

  return (req: IncomingMessage, res: ServerResponse, pathname: string, search: string): boolean => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !pathname.startsWith(MOUNT + '/')) return false;
    const found = resolved.get(pathname.slice(MOUNT.length));
    if (!found) return false;
    answer(req, res, found.read, found.route, found.params, search);
    return true;
  };

  function answer(req: IncomingMessage, res: ServerResponse, read: CatalogRead, route: string, params: Readonly<Record<string, string>>, search: string): void {
    const started = process.hrtime.bigint();
    const timestamp = options.now();
    let result: EncodedAnswer | Promise<EncodedAnswer>;
    try {
      result = read.answer(answers, params, search === '' ? NO_QUERY : querystring.parse(search));
    } catch {
      options.fallback(req, res); // Bad input: the Express route throws the same error and reports it.
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (encoded) => send(req, res, encoded, route, started, timestamp),
        () => options.fallback(req, res),
      );
    } else {
      send(req, res, result, route, started, timestamp);
    }
  }

  // A plain function, not a closure made per request: on this path even that allocation shows.
  function send(req: IncomingMessage, res: ServerResponse, encoded: EncodedAnswer, route: string, started: bigint, timestamp: number): void {
    sendAnswer(req, res, encoded, headers);
    // Summed per route and status, written once a second: a document per request cost more than the answer.
    options.timings.summarize(req.method!, route, res.statusCode, Number(process.hrtime.bigint() - started) / 1e6, timestamp);
  }
}
