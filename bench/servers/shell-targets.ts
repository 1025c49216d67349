/**
 * The servers the shell-serving benchmark compares, each started alone in this child process so the
 * load generator in the parent has the other core:
 *   node-http      bare node:http sending the shell's bytes from a Buffer (the ceiling)
 *   express-bytes  Express sending the same body from memory with `res.send`
 *   express-same   Express sending the same response from memory: the shop's headers (helmet set,
 *                  CSP, caching) and body, as a static file server with the same security would
 *   shop           the shop itself (its own request listener): level-2 render with a fresh nonce, CSP, helmet
 *   react-ssr      Express rendering the same page with React per request, with its data from the store
 * With `gzip`, every side answers gzip: the baselines through the `compression` middleware (or
 * zlib for node:http), the shop through its pre-deflated splice.
 * The baselines send the bytes the shop sent for the page (written by the parent to `pageFile`).
 * Usage: tsx bench/servers/shell-targets.ts <target> <gzip|identity> <dataDir> <pageFile>
 */
import fs from 'node:fs';
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

const [target, encoding, dataDir, pageFile] = process.argv.slice(2) as [string, 'gzip' | 'identity', string, string];
const gzip = encoding === 'gzip';

async function main(): Promise<http.Server> {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const store = await openStore(config);
  if (target === 'shop') {
    const shop = await createApp({ config, store, logger: createLogger('silent'), now: Date.now });
    return http.createServer(shop.listener);
  }
  const page = fs.readFileSync(pageFile);
  const headers = JSON.parse(fs.readFileSync(`${pageFile}.headers.json`, 'utf8')) as Record<string, string>;

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
    case 'express-same': {
      const app = express();
      app.set('etag', false);
      if (gzip) app.use(compression({ threshold: 0 }));
      app.get(/.*/, (_req, res) => {
        res.set(headers).send(page);
      });
      return http.createServer(app);
    }
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

process.on('SIGINT', () => process.exit(0));
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
