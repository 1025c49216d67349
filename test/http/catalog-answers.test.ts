/**
 * Catalog answers come from memory and follow the catalog: a price or stock change a writer
 * notifies shows in the very next answer (and only the answers it touches are rebuilt); validators
 * give `304`s; the memory they take is bounded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowseResult, Product, SearchResult } from '../../shared/api-types';
import { discountPercent } from '../../shared/price';
import { notifyCatalogChanged } from '../../server/catalog/catalog-events';
import { startServer, storeKinds, type TestServer } from '../support/server';

for (const kind of storeKinds()) {
  describe(`catalog answers in memory (${kind})`, () => {
    let server: TestServer;
    const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });
    const json = async <T>(path: string): Promise<T> => {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      return (await res.json()) as T;
    };
    /** A product on the first page of mobiles, and that page. */
    const firstOfMobiles = async () => (await json<BrowseResult>('/api/catalog/browse/mobiles')).products[0]!;
    /** Writes as an operator's price or stock change does: commit, then notify with the product. */
    async function setProduct(id: string, values: { price?: number; stock?: number }): Promise<void> {
      const row = await server.store.db.selectFrom('products').select(['mrp']).where('id', '=', id).executeTakeFirstOrThrow();
      const set = {
        ...(values.price === undefined ? {} : { price: values.price, discount_percent: discountPercent(Number(row.mrp), values.price) }),
        ...(values.stock === undefined ? {} : { stock: values.stock }),
      };
      await server.store.db.updateTable('products').set(set).where('id', '=', id).execute();
      await notifyCatalogChanged(server.store, { products: [id] });
    }

    before(async () => {
      server = await startServer(kind);
      await server.shop.answers.warmed(); // so that the builds counted below are the test's own
    });
    after(async () => {
      await server.close();
    });

    describe('a price change', () => {
      it('should show in the next product, browse and search answer', async () => {
        const summary = await firstOfMobiles();
        await json<Product>(`/api/catalog/products/${summary.id}`); // now held in memory
        const searchUrl = `/api/catalog/search?q=${encodeURIComponent(summary.title)}`;
        assert.ok((await json<SearchResult>(searchUrl)).products.some((p) => p.id === summary.id));
        const price = summary.price - 100;
        await setProduct(summary.id, { price });
        assert.equal((await json<Product>(`/api/catalog/products/${summary.id}`)).price, price);
        assert.equal((await firstOfMobiles()).price, price);
        assert.equal((await json<SearchResult>(searchUrl)).products.find((p) => p.id === summary.id)?.price, price);
      });
    });

    describe('a stock change', () => {
      it('should show in the next product answer, and leave lists as they were while the product stays in stock', async () => {
        const summary = await firstOfMobiles();
        const before = await json<Product>(`/api/catalog/products/${summary.id}`);
        assert.ok(before.stock > 1);
        const list = await get('/api/catalog/browse/mobiles');
        const builds = server.shop.answers.stats().builds;
        await setProduct(summary.id, { stock: before.stock - 1 });
        assert.equal((await json<Product>(`/api/catalog/products/${summary.id}`)).stock, before.stock - 1);
        const again = await get('/api/catalog/browse/mobiles');
        assert.equal(again.headers.get('etag'), list.headers.get('etag'));
        assert.equal(server.shop.answers.stats().builds, builds + 1, 'only the product answer was rebuilt');
      });

      it('should take a product out of stock in lists as soon as its stock runs out', async () => {
        const summary = await firstOfMobiles();
        assert.equal(summary.inStock, true);
        await setProduct(summary.id, { stock: 0 });
        const page = await json<BrowseResult>('/api/catalog/browse/mobiles');
        assert.equal(page.products.find((p) => p.id === summary.id)?.inStock, false);
        assert.equal((await json<Product>(`/api/catalog/products/${summary.id}`)).stock, 0);
      });
    });

    describe('a change nobody announced (another process, another node)', () => {
      it('should show once the store is scanned, as the server does every half second', async () => {
        const summary = await firstOfMobiles();
        const before = await json<Product>(`/api/catalog/products/${summary.id}`);
        await server.store.db.updateTable('products').set({ stock: before.stock + 5 }).where('id', '=', summary.id).execute();
        await server.store.db.updateTable('products').set({ price: summary.price - 7, discount_percent: discountPercent(summary.mrp, summary.price - 7) }).where('id', '=', summary.id).execute();
        await server.shop.answers.findUnannouncedChanges();
        const after = await json<Product>(`/api/catalog/products/${summary.id}`);
        assert.deepEqual([after.stock, after.price], [before.stock + 5, summary.price - 7]);
        assert.equal((await firstOfMobiles()).price, summary.price - 7);
      });
    });

    describe('a change that names no products', () => {
      it('should rebuild everything, the search index included', async () => {
        const summary = await firstOfMobiles();
        await server.store.db.updateTable('products').set({ title: 'Zanzibarphone Ultra' }).where('id', '=', summary.id).execute();
        await notifyCatalogChanged(server.store);
        assert.equal((await json<Product>(`/api/catalog/products/${summary.id}`)).title, 'Zanzibarphone Ultra');
        assert.equal((await firstOfMobiles()).title, 'Zanzibarphone Ultra');
        assert.deepEqual((await json<SearchResult>('/api/catalog/search?q=zanzibarphone')).products.map((p) => p.id), [summary.id]);
      });
    });

    describe('validators', () => {
      it('should answer 304 to a matching If-None-Match in any coding, and 200 once the answer changed', async () => {
        const summary = await firstOfMobiles();
        const url = `/api/catalog/products/${summary.id}`;
        const first = await get(url);
        const etag = first.headers.get('etag')!;
        assert.match(etag, /^W\/"/);
        assert.equal(first.headers.get('vary'), 'Accept-Encoding');
        for (const coding of ['br', 'gzip', 'identity']) {
          const res = await get(url, { 'if-none-match': etag, 'accept-encoding': coding });
          assert.equal(res.status, 304, coding);
          assert.equal(res.headers.get('etag'), etag);
          assert.equal(await res.text(), '');
        }
        assert.equal((await get(url, { 'if-none-match': `"other", ${etag}` })).status, 304);
        assert.equal((await get(url, { 'if-none-match': '"other"' })).status, 200);
        await setProduct(summary.id, { price: summary.price - 1 });
        const changed = await get(url, { 'if-none-match': etag });
        assert.equal(changed.status, 200);
        assert.notEqual(changed.headers.get('etag'), etag);
      });

      it('should send brotli to clients that take it', async () => {
        const { request } = await import('node:http');
        const coding = await new Promise<string | undefined>((resolve, reject) => {
          request(`${server.url}/api/catalog/home`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
            res.resume();
            resolve(res.headers['content-encoding']);
          })
            .on('error', reject)
            .end();
        });
        assert.equal(coding, 'br');
      });
    });
  });

  describe(`catalog answers' memory (${kind})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(kind, { env: { CATALOG_ANSWERS_MB: '0.1' } });
    });
    after(async () => {
      await server.close();
    });

    it('should hold at most its budget, dropping the least recently used answers, and still answer each correctly', async () => {
      const ids = (await server.store.db.selectFrom('products').select('id').orderBy('id').limit(80).execute()).map((row) => row.id);
      for (const id of ids) {
        const res = await fetch(`${server.url}/api/catalog/products/${id}`);
        assert.equal(((await res.json()) as Product).id, id);
      }
      const stats = server.shop.answers.stats();
      assert.equal(stats.maxBytes, Math.round(0.1 * 1024 * 1024));
      assert.ok(stats.bytes <= stats.maxBytes, `${stats.bytes} bytes held`);
      assert.ok(stats.evictions > 0);
      assert.ok(stats.entries < ids.length);
      const again = await fetch(`${server.url}/api/catalog/products/${ids[0]}`);
      assert.equal(((await again.json()) as Product).id, ids[0]);
    });

    it('should report what it holds to operators only', async () => {
      assert.equal((await fetch(`${server.url}/ops/api/catalog/answers`)).status, 401);
      const res = await fetch(`${server.url}/ops/api/catalog/answers`, { headers: server.operator });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const stats = (await res.json()) as { bytes: number; maxBytes: number; entries: number; knownProducts: number };
      assert.equal(stats.maxBytes, Math.round(0.1 * 1024 * 1024));
      assert.ok(stats.entries > 0 && stats.bytes > 0 && stats.bytes <= stats.maxBytes);
      assert.ok(stats.knownProducts > 0);
    });
  });
}
