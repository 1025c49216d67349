/**
 * `POST /api/orders` answered straight off the server's request listener, before Express
 * (decisions/0012, 0024): Express's routing and middleware cost about as much CPU per order as
 * placing it. It does what the Express chain does for this route, with the same pieces: the
 * request log (the same pino-http instance), the same JSON body parser instance (limits, charsets,
 * errors), the same-origin rule, the shared order handler (session, key, zod schema, placement),
 * the security headers captured from helmet, `no-store`, the API timing, and errors rendered as
 * the API's error handler renders them. A request it does not take on whole goes to Express:
 * one whose body is not plainly JSON, or whose same-origin answer needs its `Origin` compared.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-error';
import { retryAfterSeconds, toAppError } from '../http/error-handler';
import { fetchMetadataReason } from '../http/same-origin';
import type { ApiTimingRecorder } from '../telemetry/api-timing';
import { PLACE_ORDER_ROUTE, type OrderAnswer, type OrderRequestHandler } from './order-request';

/** What the API timing records for a request the `/api` router matched no route for. */
const UNMATCHED_ROUTE = '/api/(unmatched)';

/** A connect-style middleware on plain Node requests (pino-http, body-parser). */
type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface FastOrderOptions {
  placeOrder: OrderRequestHandler;
  /** The JSON body parser the `/api` router uses. */
  parseJson: NodeMiddleware;
  /** The request logger the `/api` router uses for requests with a body. */
  logRequest: (req: IncomingMessage, res: ServerResponse) => void;
  /** Security headers every API answer carries (the helmet set, captured at start). */
  headers: ReadonlyArray<readonly [string, string]>;
  timings: ApiTimingRecorder;
  now: () => number;
  logger: Logger;
}

/** Whether the body is declared as JSON, as the `/api` router's `requireJson` and parser read it; anything else is Express's to answer. */
function declaresJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

/** A `FastAnswerer` (see server/request-listener.ts) for placing orders. */
export function fastOrderPlacement(options: FastOrderOptions) {
  const securityHeaders = options.headers.flat();
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    if (req.method !== 'POST' || pathname !== '/api/orders' || !declaresJson(req.headers['content-type'])) return false;
    // Only Sec-Fetch-Site decides here; a request without it has its Origin compared by Express.
    if (fetchMetadataReason(req.method, req.headers) !== null) return false;
    answer(req, res);
    return true;
  };

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const timestamp = options.now();
    // As the `/api` router's timing names it: the route once the body is parsed, before that none matched.
    let route = UNMATCHED_ROUTE;
    res.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      options.timings.record(
        { eventType: 'API_CALL', method: 'POST', route, status: res.statusCode, durationMs: Math.round(durationMs * 100) / 100, ...(res.writableFinished ? {} : { aborted: true }) },
        timestamp,
      );
    });
    options.logRequest(req, res);
    options.parseJson(req, res, (error) => {
      if (error !== undefined) return sendError(req, res, error);
      route = PLACE_ORDER_ROUTE;
      options.placeOrder(req.headers, (req as IncomingMessage & { body?: unknown }).body).then(
        (answer) => send(res, answer),
        (err: unknown) => sendError(req, res, err),
      );
    });
  }

  function send(res: ServerResponse, answer: OrderAnswer): void {
    // One raw header list, as the catalog's fast answers write theirs: cheaper than a setHeader each.
    // The text goes to the socket as is (no Buffer copy of it first); its length is its UTF-8 bytes'.
    res.writeHead(answer.status, [...securityHeaders, 'Cache-Control', 'no-store', ...answer.headers.flat(), 'Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(Buffer.byteLength(answer.body))]);
    res.end(answer.body, 'utf8');
  }

  function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    const appError: AppError = toAppError(error);
    if (appError.status >= 500) options.logger.error({ err: error, url: req.url }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const retryAfter = retryAfterSeconds(appError);
    send(res, { status: appError.status, headers: retryAfter === undefined ? [] : [['Retry-After', String(retryAfter)]], body: JSON.stringify(appError.toJSON()) });
  }
}
