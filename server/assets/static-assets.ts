/**
 * Hashed build assets under `/static`: immutable for a year, and answered with the brotli or gzip
 * twin the build wrote next to each file, so nothing is compressed per request.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import Negotiator from 'negotiator';

const ENCODINGS = ['br', 'gzip', 'identity'];
const SUFFIX: Record<string, string> = { br: '.br', gzip: '.gz' };
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

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
      const original = file.replace(/\.(br|gz)$/, '');
      const type = TYPES[path.extname(original)];
      if (type) res.setHeader('Content-Type', type);
      if (original !== file) res.setHeader('Content-Encoding', file.endsWith('.br') ? 'br' : 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });
  const allowed = /^\/(vendors\/[a-f0-9]+\/[\w.-]+|apps\/[a-z-]+\/[a-f0-9]+\/client\/[\w.-]+)$/;
  return (req, res, next) => {
    if (!allowed.test(req.path) || /\.(br|gz)$/.test(req.path) || req.path.endsWith('manifest.json')) return next();
    const encoding = new Negotiator(req).encoding(ENCODINGS);
    const suffix = encoding ? SUFFIX[encoding] : undefined;
    if (suffix && fs.existsSync(path.join(distDir, req.path + suffix))) req.url = req.path + suffix;
    files(req, res, next);
  };
}
