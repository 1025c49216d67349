/**
 * The service worker's public URLs: `/sw.js` (the built worker with the current release's
 * precache list), `/sw-status.json` (the kill flag pages check on load), `/offline.html`,
 * `/manifest.webmanifest` and the icons. Mounted after the security headers, whose CSP these
 * responses narrow or replace to what each one needs.
 */
import path from 'node:path';
import express, { type Response, type Router } from 'express';
import { SW_URLS } from '../../shared/sw-release';
import type { KillSwitch } from './kill-switch';
import type { SwFiles } from './sw-files';
import { distLayout } from '../../shared/dist-layout';

export interface SwRouteOptions {
  distDir: string;
  assetBaseUrl: string;
}

export function swRoutes(files: SwFiles, killSwitch: KillSwitch, { distDir, assetBaseUrl }: SwRouteOptions): Router {
  const router = express.Router();
  const assets = assetBaseUrl ? ` ${new URL(assetBaseUrl).origin}` : '';

  router.get(SW_URLS.worker, (_req, res) => {
    const worker = files.current().worker;
    if (!worker) {
      res.status(404).setHeader('Cache-Control', 'no-store').type('text/javascript').send('// No service worker has been built.\n');
      return;
    }
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    // Browsers must see a new release (or the kill switch) on their next check.
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Service-Worker-Allowed', '/');
    // The worker's own CSP: it fetches the shop's files (and the CDN's, when there is one).
    res.setHeader('Content-Security-Policy', `default-src 'none'; connect-src 'self'${assets}; script-src 'self'`);
    res.send(worker);
  });

  router.get(SW_URLS.status, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ killed: killSwitch.killed });
  });

  router.get(SW_URLS.offline, (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'self'${assets}; img-src 'self' data:; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    res.send(files.current().offlinePage);
  });

  router.get(SW_URLS.manifest, (_req, res) => {
    res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(files.current().manifest);
  });

  const iconDir = distLayout.iconsDir(distDir);
  router.get('/icons/:file', (req, res, next) => {
    // Only the current icons' hashed names: nothing else of the folder is reachable.
    if (!Object.values(files.current().icons).includes(req.params.file)) return next();
    sendIcon(res, path.join(iconDir, req.params.file), 'public, max-age=31536000, immutable');
  });
  router.get('/apple-touch-icon.png', (_req, res, next) => {
    const file = files.current().icons['apple-touch-icon'];
    if (!file) return next();
    // iOS asks for this fixed URL; a day's caching lets a new icon through eventually.
    sendIcon(res, path.join(iconDir, file), 'public, max-age=86400');
  });
  return router;
}

function sendIcon(res: Response, file: string, cacheControl: string): void {
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.sendFile(file, { headers: { 'Content-Type': 'image/png' }, cacheControl: false, lastModified: false, etag: false });
}
