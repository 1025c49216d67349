/**
 * The console's HTML document and its hashed assets. The document is tiny and rendered per request
 * with a fresh CSP nonce; the app itself is the separately built bundle under `dist/ops-console/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { createCspHeader } from '../../shells/csp';
import { createNonce } from '../../shells/nonce';
import { twinHeaders, twinSuffix } from '../../assets/precompressed';
import { escapeHtml } from '../html';
import { distLayout } from '../../../shared/dist-layout';
import { readConsoleManifest, type ConsoleManifest } from './console-build';

/** `/console`, `/console/fql`, `/console/push` and `/console/d/<id>` answer the page; `/console/assets/<hash>/<file>` the bundle. */
export function consoleRoutes(distDir: string): Router {
  const router = express.Router();
  const csp = createCspHeader('');

  router.get(['/console', '/console/fql', '/console/push', '/console/d/:id'], (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const manifest = readConsoleManifest(distDir);
    if (!manifest) {
      res.status(503).type('html').send(notBuiltPage());
      return;
    }
    const nonce = createNonce();
    res.setHeader('Content-Security-Policy', csp(nonce));
    res.type('html').send(consoleDocument(manifest, nonce));
  });

  router.get('/console/assets/:hash/:file', (req, res, next) => {
    const { hash, file } = req.params;
    if (!/^[a-f0-9]{12}$/.test(hash) || !/^[\w-]+\.[a-f0-9]+\.(js|css)$/.test(file)) return next();
    const full = path.join(distLayout.consoleDir(distDir, hash), file);
    if (!fs.existsSync(full)) return next();
    const send = full + twinSuffix(req, full);
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    for (const [name, value] of twinHeaders(send)) res.setHeader(name, value);
    res.sendFile(send);
  });
  return router;
}

function consoleDocument(manifest: ConsoleManifest, nonce: string): string {
  const base = `/ops/console/assets/${manifest.hash}/`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Ops console · storefront-lite</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
${manifest.css ? `<link rel="stylesheet" href="${base}${escapeHtml(manifest.css)}">` : ''}
<script nonce="${nonce}" src="${base}${escapeHtml(manifest.js)}" defer></script></head>
<body><div id="root"></div><noscript>The ops console needs JavaScript.</noscript></body></html>`;
}

function notBuiltPage(): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Ops console not built</title>
<body><h1>The ops console has not been built</h1>
<p>Run <code>npm run build</code> (it builds the console with the shop), then reload this page.</p>
<p>The telemetry API under <code>/foxtrot/v1</code> works without it.</p></body></html>`;
}
