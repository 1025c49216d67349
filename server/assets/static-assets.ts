/**
 * Hashed build assets under `/static`: immutable for a year, and answered with the brotli or gzip
 * twin the build wrote next to each file.
 */
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { twinHeaders, twinSuffix } from './precompressed';
import { STATIC_ASSET_PATH } from '../../shared/dist-layout';

/** Serves `dist/vendors/<hash>/…` and `dist/apps/<app>/<build>/client/…` by their content-addressed paths. */
export function staticAssets(distDir: string): RequestHandler {
  const files = express.static(distDir, {
    index: false,
    redirect: false,
    dotfiles: 'deny',
    etag: false,
    lastModified: false,
    fallthrough: true,
    setHeaders(res, file) {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      for (const [name, value] of twinHeaders(file)) res.setHeader(name, value);
    },
  });
  return (req, res, next) => {
    if (!STATIC_ASSET_PATH.test(req.path) || /\.(br|gz)$/.test(req.path) || req.path.endsWith('manifest.json')) return next();
    const suffix = twinSuffix(req, path.join(distDir, req.path));
    if (suffix) req.url = req.path + suffix;
    files(req, res, next);
  };
}
