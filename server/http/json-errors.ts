/** An error handler that always answers JSON, for API routers whose callers (fetch, curl) accept anything yet read JSON. */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { toAppError } from './error-handler';

/** Ends a router with JSON errors (status, stable code, message), logging 5xx. */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (appError.status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(appError.status).setHeader('Cache-Control', 'no-store').json(appError.toJSON());
  };
}
