/**
 * The server's own request listener answers shells and catalog reads before Express. What it sends
 * must be what Express sent: the same status, headers (helmet set, CSP with a fresh nonce, `Link:
 * preload`, codings) and bytes, for GET and HEAD, gzip and identity; errors still come from Express.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import express from 'express';
import { captureHeaders, securityHeaders } from '../../server/http/security-headers';
import { leadImages } from '../../server/catalog/answers/lead-image-link';
import { shellAnswerer } from '../../server/shells/shell-routes';
import { startServer, storeKinds, type TestServer } from '../support/server';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with no automatic decoding, so headers and bytes are seen as sent. */
function raw(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

async function listen(listener: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(listener).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** Headers that belong to the connection or the moment, not to the answer. */
function comparable(headers: http.IncomingHttpHeaders): Record<string, unknown> {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  const csp = rest['content-security-policy'];
  return { ...rest, ...(typeof csp === 'string' ? { 'content-security-policy': csp.replace(NONCE, "'nonce-N'") } : {}) };
}

/** The document with its nonce blanked, decoded from its coding. */
function documentOf(res: Raw): string {
  const html = (res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(res.body) : res.body).toString('utf8');
  const nonce = NONCE.exec(String(res.headers['content-security-policy']))?.[1];
  assert.ok(nonce, 'a nonce in the CSP');
  return html.split(nonce).join('N');
}

const SHELL_URLS = ['/', '/search?q=phone', '/mobiles/pr', '/mobiles/pr?sort=price_asc', '/redmi-note-13/p/itm0123456789abc', '/cart', '/checkout/address', '/accounts/login', '/__shells/home-browse-product/product'];

for (const kind of storeKinds()) {
  describe(`the request listener (${kind})`, () => {
    let server: TestServer;
    /** Shells as Express sent them before the listener answered them: first middleware of an Express app. */
    let viaExpress: Awaited<ReturnType<typeof listen>>;
    /** The shop's Express app alone, without the listener in front. */
    let appAlone: Awaited<ReturnType<typeof listen>>;

    before(async () => {
      server = await startServer(kind);
      // With the catalog's lead pictures, as the server wires it (decisions/0025).
      const shells = shellAnswerer(server.shop.releases, { assetBaseUrl: '', headers: captureHeaders(securityHeaders('')), leadImage: leadImages(server.shop.answers) });
      const old = express();
      old.disable('x-powered-by');
      old.set('etag', false);
      old.use((req, res, next) => {
        if (!shells(req, res, req.path)) next();
      });
      viaExpress = await listen(old);
      appAlone = await listen(server.shop.app);
    });
    after(async () => {
      await viaExpress.close();
      await appAlone.close();
      await server.close();
    });

    it('should answer shells and catalog reads without calling Express, and pass the rest to it', async () => {
      const app = server.shop.app as unknown as { handle: (...args: unknown[]) => unknown };
      const handle = app.handle;
      let calls = 0;
      app.handle = function (this: unknown, ...args: unknown[]) {
        calls++;
        return handle.apply(this, args);
      };
      try {
        for (const url of ['/', '/mobiles/pr', '/api/catalog/home', '/api/catalog/browse/mobiles?sort=rating', '/api/catalog/search?q=phone']) {
          assert.equal((await raw(server.url + url)).status, 200, url);
        }
        assert.equal(calls, 0);
        assert.equal((await raw(server.url + '/manifest.webmanifest')).status, 200);
        assert.equal((await raw(server.url + '/api/catalog/products/itm0000000000000')).status, 404);
        assert.equal(calls, 2);
      } finally {
        app.handle = handle;
      }
    });

    describe('shells', () => {
      for (const url of SHELL_URLS) {
        for (const method of ['GET', 'HEAD']) {
          for (const coding of ['gzip', 'identity']) {
            it(`should answer ${method} ${url} (${coding}) with the headers and bytes Express sent`, async () => {
              const headers = { accept: 'text/html', 'accept-encoding': coding };
              const [fast, slow] = await Promise.all([raw(server.url + url, { method, headers }), raw(viaExpress.url + url, { method, headers })]);
              assert.equal(fast.status, 200);
              assert.equal(fast.status, slow.status);
              assert.deepEqual(comparable(fast.headers), comparable(slow.headers));
              assert.equal(fast.headers['content-encoding'], coding === 'gzip' ? 'gzip' : undefined);
              if (method === 'HEAD') assert.equal(fast.body.length, 0);
              else assert.equal(documentOf(fast), documentOf(slow));
            });
          }
        }
      }

      it('should carry the very helmet headers Express sets on its own answers', async () => {
        const shell = await raw(server.url + '/');
        const other = await raw(server.url + '/manifest.webmanifest');
        assert.equal(other.status, 200);
        for (const name of ['strict-transport-security', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'origin-agent-cluster', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection']) {
          assert.equal(shell.headers[name], other.headers[name], name);
        }
        assert.equal(shell.headers['x-powered-by'], undefined);
      });

      it('should leave other methods, server paths and unknown pages to Express', async () => {
        const post = await raw(server.url + '/', { method: 'POST', headers: { accept: 'text/html' } });
        assert.equal(post.status, 404);
        const missing = await raw(server.url + '/no/such/page', { headers: { accept: 'text/html' } });
        assert.equal(missing.status, 404);
        assert.match(missing.body.toString(), /data-shell="not-found"/);
      });
    });

    describe('catalog reads', () => {
      let productUrl: string;
      before(async () => {
        const page = (await (await fetch(`${server.url}/api/catalog/browse/mobiles`)).json()) as { products: Array<{ id: string }> };
        productUrl = `/api/catalog/products/${page.products[0]!.id}`;
      });

      const urls = () => [
        '/api/catalog/categories',
        '/api/catalog/home',
        '/api/catalog/browse/mobiles',
        '/api/catalog/browse/mobiles?sort=price_asc&page=2&brand=Samsung,Redmi',
        '/api/catalog/search?q=shirt',
        '/api/catalog/suggest?q=sams',
        productUrl,
        `/api/catalog/products?ids=${productUrl.split('/').at(-1)}`,
      ];

      it('should answer as the Express router does: status, headers and bytes, in every coding', async () => {
        for (const url of urls()) {
          for (const coding of ['br', 'gzip', 'identity']) {
            for (const method of ['GET', 'HEAD']) {
              const headers = { 'accept-encoding': coding };
              const [fast, slow] = await Promise.all([raw(server.url + url, { method, headers }), raw(appAlone.url + url, { method, headers })]);
              assert.equal(fast.status, 200, url);
              assert.equal(slow.status, 200, url);
              assert.deepEqual(comparable(fast.headers), comparable(slow.headers), `${method} ${url} ${coding}`);
              assert.deepEqual(fast.body, slow.body, `${method} ${url} ${coding}`);
            }
          }
        }
      });

      it('should carry the API\'s helmet headers and strict CSP', async () => {
        const res = await raw(server.url + productUrl);
        assert.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      });

      it('should leave errors to Express, which answers them with their codes', async () => {
        const cases: Array<[string, number, string]> = [
          ['/api/catalog/products/itm0000000000000', 404, 'product-not-found'],
          ['/api/catalog/products/nope', 400, 'bad-request'],
          ['/api/catalog/browse/no-such-category', 404, 'category-not-found'],
          ['/api/catalog/search?q=', 400, 'bad-request'],
          ['/api/catalog/search?q=a&q=b', 400, 'bad-request'],
          ['/api/catalog/browse/%E0%A4%A', 400, 'bad-request'],
          ['/api/catalog/nope', 404, 'not-found'],
        ];
        for (const [url, status, code] of cases) {
          const [fast, slow] = await Promise.all([raw(server.url + url), raw(appAlone.url + url)]);
          assert.equal(fast.status, status, url);
          assert.equal((JSON.parse(fast.body.toString()) as { error: { code: string } }).error.code, code, url);
          assert.deepEqual(comparable(fast.headers), comparable(slow.headers), url);
          assert.deepEqual(fast.body, slow.body, url);
        }
      });
    });
  });
}
