/**
 * The servers the shell-serving benchmark compares, each started alone in this child process so the
 * load generator in the parent has the other core:
 *   node-http      bare node:http sending the shell's bytes from a Buffer (the ceiling)
 *   express-bytes  Express sending the same bytes from memory
 *   shop           the shop itself: level-2 render with a fresh nonce, CSP, helmet
 *   react-ssr      Express rendering the same page with React per request, with its data from the store
 * With `gzip`, every side answers gzip: the baselines through the `compression` middleware (or
 * zlib for node:http), the shop through its pre-deflated splice.
 * Usage: tsx bench/servers/shell-targets.ts <target> <gzip|identity> <dataDir> <url>
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import compression from 'compression';
import express from 'express';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/http/logger';
import { openStore } from '../../server/store/database';
import { createProductSsr } from './product-ssr';

const [target, encoding, dataDir, pageUrl] = process.argv.slice(2) as [string, 'gzip' | 'identity', string, string];
const gzip = encoding === 'gzip';

async function main(): Promise<http.Server> {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const store = await openStore(config);
  const logger = createLogger('silent');
  const shop = await createApp({ config, store, logger, now: Date.now });
  // The bytes the baselines send: exactly what the shop sends for this page (nonce and all).
  const page = await new Promise<Buffer>((resolve) => {
    const server = shop.app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      void fetch(`http://127.0.0.1:${port}${pageUrl}`, { headers: { 'Accept-Encoding': 'identity' } })
        .then((res) => res.arrayBuffer())
        .then((body) => server.close(() => resolve(Buffer.from(body))));
    });
  });

  switch (target) {
    case 'node-http':
      return http.createServer((req, res) => {
        const body = gzip ? zlib.gzipSync(page) : page;
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
        res.end(body);
      });
    case 'express-bytes': {
      const app = express();
      app.set('etag', false);
      if (gzip) app.use(compression({ threshold: 0 }));
      app.get(/.*/, (_req, res) => {
        res.type('html').send(page);
      });
      return http.createServer(app);
    }
    case 'shop':
      return http.createServer(shop.app);
    case 'react-ssr': {
      const render = await createProductSsr(store, config.distDir);
      const app = express();
      app.set('etag', false);
      if (gzip) app.use(compression({ threshold: 0 }));
      app.get(/.*/, async (req, res) => {
        res.type('html').send(await render(req.path));
      });
      return http.createServer(app);
    }
    default:
      throw new TypeError(`unknown target ${target}`);
  }
}

main().then(
  (server) =>
    server.listen(0, '127.0.0.1', () => {
      process.send?.({ port: (server.address() as AddressInfo).port });
    }),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
