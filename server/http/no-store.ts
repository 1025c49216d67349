/** Marks every answer of a router as personal or live: no cache, shared or private, may keep it. */
import type { RequestHandler } from 'express';

/** Sets `Cache-Control: no-store` on every response that passes through. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
