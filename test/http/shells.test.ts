import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { startServer, storeKinds, type TestServer } from '../support/server';

/** One URL of each route type, with the shell and status it must answer with. */
const ROUTE_TYPES = [
  { url: '/', shell: 'home' },
  { url: '/search?q=phone', shell: 'search' },
  { url: '/mobiles/pr?sort=price_asc', shell: 'browse' },
  { url: '/redmi-note-13/p/itm0123456789abc', shell: 'product' },
  { url: '/cart', shell: 'cart' },
  { url: '/checkout/address', shell: 'checkout-address' },
  { url: '/checkout/confirmation/OD123456789012345678', shell: 'checkout-confirmation' },
  { url: '/checkout', shell: 'checkout' },
  { url: '/accounts/login', shell: 'accounts' },
];

function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]!);
}

for (const kind of storeKinds()) {
  describe(`shells (${kind})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(kind);
    });
    after(() => server.close());

    it('should name the page\'s first data request in a Link preload header, and that path should answer', async () => {
      const res = await fetch(server.url + '/mobiles/pr', { headers: { Accept: 'text/html' } });
      const link = res.headers.get('link') ?? '';
      // The data first; the page's largest picture follows it (test/http/lead-image-preload.test.ts).
      assert.ok(link.startsWith('</api/catalog/browse/mobiles?page=1&pageSize=24>; rel=preload; as=fetch; crossorigin, <'), link);
      const data = await fetch(server.url + /<([^>]+)>/.exec(link)![1]!);
      assert.equal(data.status, 200);
      assert.ok(((await data.json()) as { products: unknown[] }).products.length > 0);
      const filtered = await fetch(server.url + '/mobiles/pr?sort=price_asc', { headers: { Accept: 'text/html' } });
      assert.equal(filtered.headers.get('link'), null, 'a query string changes the data: nothing preloaded');
    });

    for (const { url, shell } of ROUTE_TYPES) {
      it(`should answer ${url} with the ${shell} shell and a nonce that matches its CSP`, async () => {
        const res = await fetch(server.url + url, { headers: { Accept: 'text/html' } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
        assert.equal(res.headers.get('cache-control'), 'no-cache');
        const html = await res.text();
        assert.match(html, new RegExp(`<body data-shell="${shell}">`));
        const csp = res.headers.get('content-security-policy') ?? '';
        const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(csp)?.[1];
        assert.ok(nonce && nonce.length >= 22, `CSP has a nonce: ${csp}`);
        const nonces = scriptNonces(html);
        assert.ok(nonces.length >= 2, 'vendors and app scripts carry the nonce');
        assert.ok(nonces.every((n) => n === nonce), 'every script nonce is the CSP nonce');
        assert.match(csp, /object-src 'none'/);
        assert.match(csp, /base-uri 'none'/);
        assert.doesNotMatch(html, /\{\{/, 'no level-2 placeholder is left');
      });
    }

    it('should give every response a fresh nonce', async () => {
      const nonces = new Set<string>();
      for (let i = 0; i < 5; i++) {
        const html = await (await fetch(server.url + '/')).text();
        nonces.add(scriptNonces(html)[0]!);
      }
      assert.equal(nonces.size, 5);
    });

    it('should give each of many responses, across pages and codings, its own nonce, the same in its CSP and its document', async () => {
      // Pages with and without a Link preload, in both codings: each response's header list is
      // written in place and blanked after (nonce pools and their refills: server/shells/nonce.test.ts).
      const pages = ['/redmi-note-13/p/itm0123456789abc', '/cart', '/mobiles/pr', '/'];
      const nonces = new Set<string>();
      const total = 300;
      for (let i = 0; i < total; i++) {
        const url = pages[i % pages.length]!;
        const gzip = i % 3 !== 0;
        const res = await fetch(server.url + url, { headers: { Accept: 'text/html', 'Accept-Encoding': gzip ? 'gzip' : 'identity' } });
        assert.equal(res.headers.get('content-encoding'), gzip ? 'gzip' : null);
        assert.equal(res.headers.get('link') !== null, url !== '/cart', `${url}: a Link preload exactly when the page has data`);
        const html = await res.text();
        const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)?.[1];
        assert.match(nonce ?? '', /^[A-Za-z0-9+/]{24}$/);
        assert.ok(scriptNonces(html).every((n) => n === nonce), `${url}: every script carries the CSP's nonce`);
        nonces.add(nonce!);
      }
      assert.equal(nonces.size, total);
    });

    it('should send the helmet headers with shells', async () => {
      const res = await fetch(server.url + '/');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.ok(res.headers.get('strict-transport-security'));
      assert.equal(res.headers.get('x-powered-by'), null);
    });

    it('should gzip a shell for browsers that accept it, byte-identical once decoded', async () => {
      const res = await fetch(server.url + '/cart', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      assert.equal(res.headers.get('content-encoding'), 'gzip');
      assert.equal(res.headers.get('vary'), 'Accept-Encoding');
      const html = await res.text(); // fetch decodes gzip
      assert.match(html, /data-shell="cart"/);
      assert.equal(scriptNonces(html)[0], /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)?.[1]);
    });

    it('should answer HEAD with headers only', async () => {
      const res = await fetch(server.url + '/', { method: 'HEAD', headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(res.status, 200);
      assert.ok(Number(res.headers.get('content-length')) > 200);
      assert.equal(await res.text(), '');
    });

    it('should answer unknown page URLs with the shop\'s own 404 page', async () => {
      const res = await fetch(server.url + '/no/such/page', { headers: { Accept: 'text/html' } });
      assert.equal(res.status, 404);
      const html = await res.text();
      assert.match(html, /data-shell="not-found"/);
      assert.ok(scriptNonces(html).length >= 2);
    });

    it('should answer unknown API and non-HTML requests with JSON 404', async () => {
      for (const url of ['/api/nope', '/api/catalog/nope']) {
        const res = await fetch(server.url + url, { headers: { Accept: 'text/html' } });
        assert.equal(res.status, 404);
        assert.equal((await res.json()).error.code, 'not-found');
      }
      const res = await fetch(server.url + '/no/such/page', { headers: { Accept: 'application/json' } });
      assert.equal(res.status, 404);
      assert.equal((await res.json()).error.code, 'not-found');
    });

    it('should serve hashed assets immutable, pre-compressed by negotiation', async () => {
      const html = await (await fetch(server.url + '/')).text();
      const src = /<script src="([^"]+vendors[^"]+\.js)"/.exec(html)?.[1];
      assert.ok(src);
      const identity = await fetch(server.url + src, { headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(identity.status, 200);
      assert.equal(identity.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(identity.headers.get('content-type'), 'text/javascript; charset=utf-8');
      const plain = Buffer.from(await identity.arrayBuffer());
      for (const [encoding, decode] of [['br', zlib.brotliDecompressSync], ['gzip', zlib.gunzipSync]] as const) {
        const raw = await rawGet(server.url + src, encoding);
        assert.equal(raw.encoding, encoding);
        assert.ok(raw.body.length < plain.length / 2);
        assert.deepEqual(decode(raw.body), plain);
      }
    });

    it('should not serve build manifests, compressed twins by name, or paths outside the builds', async () => {
      for (const url of ['/static/vendors/current.json', '/static/apps/checkout/current.json', '/static/../package.json', '/static/%2e%2e/package.json']) {
        const res = await fetch(server.url + url);
        assert.equal(res.status, 404, url);
      }
    });
  });
}

/** GET with one content encoding and no automatic decoding. */
async function rawGet(url: string, encoding: string): Promise<{ encoding: string | null; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'] ?? null, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
