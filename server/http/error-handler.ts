/** The chain's last handler: every error becomes a status, a stable code and a message a person can act on. */
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-error';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** Maps body-parser and other http-errors style failures onto our codes. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as HttpLikeError;
  const status = e.status ?? e.statusCode;
  if (e.type === 'entity.parse.failed') return new AppError('invalid-json');
  if (e.type === 'entity.too.large' || status === 413) return new AppError('payload-too-large');
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported' || status === 415) return new AppError('unsupported-media-type');
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError('bad-request', undefined, e.expose && error instanceof Error ? error.message : undefined);
  }
  return new AppError('internal');
}

/**
 * Answers every error as JSON whatever the client accepts: for routers whose callers read JSON
 * (fetch accepts any type, Foxtrot clients read JSON, `<img>` sends no JSON Accept), never the shop's HTML error page.
 */
export function jsonErrors(logger: Logger, what: string): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (appError.status >= 500) logger.error({ err: error, url: req.originalUrl }, `${what} failed`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    setRetryAfter(res, appError);
    res.status(appError.status).setHeader('Cache-Control', 'no-store').json(appError.toJSON());
  };
}

/** A 429 or 503 whose details say when to come back tells the client in `Retry-After` too. */
export function setRetryAfter(res: Pick<Response, 'getHeader' | 'setHeader'>, error: AppError): void {
  const seconds = retryAfterSeconds(error);
  if (seconds !== undefined && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(seconds));
}

/** The whole seconds a 429 or 503 asks the client to wait, when its details say. */
export function retryAfterSeconds(error: AppError): number | undefined {
  const seconds = (error.details as { retryAfterSec?: unknown } | undefined)?.retryAfterSec;
  return (error.status === 429 || error.status === 503) && typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds)) : undefined;
}

/** Sends errors as JSON for the API and clients that ask for it, as a small HTML page for navigations. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (appError.status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(appError.status);
    res.setHeader('Cache-Control', 'no-store');
    setRetryAfter(res, appError);
    if (req.path.startsWith('/api/') || !req.accepts('html')) {
      res.json(appError.toJSON());
      return;
    }
    res.type('html').send(
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>Error</title><body style="font-family:system-ui;padding:2rem"><h1>Sorry, something went wrong</h1>` +
        `<p>${escapeHtml(appError.message)}</p><p><a href="/">Back to the shop</a></p></body></html>`,
    );
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
