/**
 * Malformed requests fired at every endpoint: each must get a 4xx with a stable code and a message,
 * and nothing may answer 500.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';

interface Shot {
  method: string;
  path: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** Raw HTTP, so paths and bodies reach the server exactly as written. */
function fire(base: string, shot: Shot): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: shot.method, path: shot.path, headers: { Accept: 'application/json', ...shot.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), type: String(res.headers['content-type']) }));
      },
    );
    req.on('error', reject);
    if (shot.body !== undefined) req.end(shot.body);
    else req.end();
  });
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const CATALOG_GETS = [
  '/api/catalog/browse/mobiles?sort=cheapest',
  '/api/catalog/browse/mobiles?page=-1',
  '/api/catalog/browse/mobiles?page=abc',
  '/api/catalog/browse/mobiles?pageSize=1000',
  '/api/catalog/browse/mobiles?price=abc',
  '/api/catalog/browse/mobiles?price=500-100',
  '/api/catalog/browse/mobiles?rating=9',
  '/api/catalog/browse/mobiles?page=1&page=2',
  '/api/catalog/browse/NOT%20A%20SLUG',
  '/api/catalog/browse/no-such-category',
  '/api/catalog/search',
  '/api/catalog/search?q=',
  `/api/catalog/search?q=${'x'.repeat(500)}`,
  '/api/catalog/search?q=%00%01',
  '/api/catalog/suggest?q[]=a',
  '/api/catalog/products/../../etc/passwd',
  '/api/catalog/products/itm0000000000000',
  '/api/catalog/products/%E0%A4%A',
  `/api/catalog/products?ids=${Array.from({ length: 60 }, (_, i) => `itm${String(i).padStart(13, '0')}`).join(',')}`,
  '/img/p/itm0000000000000/0.svg',
  '/img/p/%ZZ/0.svg',
];
const WRITES: Shot[] = [
  { method: 'POST', path: '/api/cart/items', body: '{"productId":', headers: JSON_HEADERS },
  { method: 'POST', path: '/api/cart/items', body: 'productId=itm1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
  { method: 'POST', path: '/api/cart/items', body: '{"productId":"itm1"}', headers: { 'Content-Type': 'text/plain' } },
  { method: 'POST', path: '/api/cart/items', body: JSON.stringify({ productId: 'x'.repeat(100_000) }), headers: JSON_HEADERS },
  { method: 'POST', path: '/api/cart/items', body: '{"productId":"itm0000000000000"}', headers: { 'Content-Type': 'application/json; charset=utf-16' } },
  { method: 'POST', path: '/api/cart/items', body: Buffer.from([0xff, 0xfe, 0x00]), headers: JSON_HEADERS },
  { method: 'PATCH', path: '/api/cart/items/%E0%A4%A', body: '{"quantity":1}', headers: JSON_HEADERS },
  { method: 'DELETE', path: '/api/cart/items/00000000-0000-4000-8000-000000000000' },
  { method: 'PUT', path: '/api/cart', body: '{}', headers: JSON_HEADERS },
  { method: 'POST', path: '/api/catalog/search', body: '{}', headers: JSON_HEADERS },
  { method: 'POST', path: '/foxtrot/v1/document/storefront', body: '[', headers: JSON_HEADERS },
  { method: 'POST', path: '/foxtrot/v1/analytics', body: '{"opcode":"explode"}', headers: JSON_HEADERS },
];
const PAGES = ['/%E0%A4%A/p/x', '/a/p/b/c/d', `/${'a'.repeat(4000)}`, '/search?q=%', '/cart?%%%'];

for (const kind of storeKinds()) {
  describe(`bad input (${kind})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(kind);
    });
    after(() => server.close());

    it('should answer malformed catalog and image requests with a JSON 4xx', async () => {
      for (const path of CATALOG_GETS) {
        const res = await fire(server.url, { method: 'GET', path });
        assert.ok(res.status >= 400 && res.status < 500, `${path} → ${res.status} ${res.body}`);
        assert.match(res.type, /application\/json/, path);
        const { error } = JSON.parse(res.body);
        assert.match(error.code, /^[a-z-]+$/, path);
        assert.ok(error.message.length > 10, path);
      }
    });

    it('should answer malformed writes with a JSON 4xx', async () => {
      for (const shot of WRITES) {
        const res = await fire(server.url, shot);
        const label = `${shot.method} ${shot.path} ${shot.headers?.['Content-Type'] ?? ''}`;
        assert.ok(res.status >= 400 && res.status < 500, `${label} → ${res.status} ${res.body}`);
        assert.match(JSON.parse(res.body).error.code, /^[a-z-]+$/, label);
      }
    });

    it('should name the problem: wrong type 415, oversized 413, broken JSON 400', async () => {
      const codeOf = async (shot: Shot): Promise<[number, string]> => {
        const res = await fire(server.url, shot);
        return [res.status, JSON.parse(res.body).error.code];
      };
      assert.deepEqual(await codeOf(WRITES[1]!), [415, 'unsupported-media-type']);
      assert.deepEqual(await codeOf(WRITES[3]!), [413, 'payload-too-large']);
      assert.deepEqual(await codeOf(WRITES[0]!), [400, 'invalid-json']);
    });

    it('should never answer a page URL with a 5xx', async () => {
      for (const path of PAGES) {
        const res = await fire(server.url, { method: 'GET', path, headers: { Accept: 'text/html' } });
        assert.ok(res.status < 500, `${path} → ${res.status}`);
      }
    });
  });
}
