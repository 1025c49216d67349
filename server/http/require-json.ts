/** Rejects bodies of state-changing API requests that are not JSON, before any parser sees them. */
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export const requireJson: RequestHandler = (req, _res, next) => {
  if (!BODY_METHODS.has(req.method)) return next();
  const length = req.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    return next(new AppError('unsupported-media-type', { contentType: req.headers['content-type'] ?? null }));
  }
  next();
};
