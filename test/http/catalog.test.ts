/** The catalog API over HTTP, on every store: happy paths, then malformed requests that must be 4xx. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowseResult, Category, HomeResult, Product, ProductSummary, ReviewsPage, SearchResult, SuggestResult } from '../../shared/api-types';
import { startServer, storeKinds, type TestServer } from '../support/server';

const SEEDED = 600;

for (const kind of storeKinds()) {
  describe(`catalog API (${kind})`, () => {
    let server: TestServer;
    const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers: { accept: 'application/json', ...headers } });
    async function json<T>(path: string, status = 200): Promise<T> {
      const res = await get(path);
      const body = await res.json();
      assert.equal(res.status, status, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
      return body as T;
    }
    const browse = (query = '') => json<BrowseResult>(`/api/catalog/browse/mobiles${query}`);

    before(async () => {
      server = await startServer(kind, { seedProducts: SEEDED });
    });
    after(async () => {
      await server.close();
    });

    describe('GET /api/catalog/categories', () => {
      it('should list the categories with product counts, cacheable for a minute', async () => {
        const res = await get('/api/catalog/categories');
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
        const categories = (await res.json()) as Category[];
        assert.ok(categories.length >= 8);
        assert.equal(categories[0]!.slug, 'mobiles');
        assert.equal(categories.reduce((n, c) => n + c.productCount, 0), SEEDED);
      });
    });

    describe('GET /api/catalog/home', () => {
      it('should answer deals (in stock, at most two per category) and top rated products', async () => {
        const home = await json<HomeResult>('/api/catalog/home');
        assert.ok(home.categories.length >= 8);
        assert.ok(home.deals.length >= 8);
        assert.ok(home.deals.every((p) => p.inStock && p.discountPercent > 0));
        for (const category of home.categories) assert.ok(home.deals.filter((p) => p.categorySlug === category.slug).length <= 2);
        assert.ok(home.topRated.length > 0);
        const ratings = home.topRated.map((p) => p.rating);
        assert.deepEqual(ratings, ratings.slice().sort((a, b) => b - a));
      });
    });

    describe('GET /api/catalog/browse/:slug', () => {
      it('should answer the first page with facets', async () => {
        const result = await browse();
        assert.equal(result.category.slug, 'mobiles');
        assert.equal(result.total, result.category.productCount);
        assert.equal(result.products.length, 24);
        assert.equal(result.page, 1);
        assert.equal(result.sort, 'relevance');
        assert.ok(result.facets.brand.length > 3 && result.facets.price.length > 1);
        assert.equal(result.facets.brand.reduce((n, b) => n + b.count, 0), result.total);
        const product = result.products[0]!;
        assert.match(product.image.url, /^\/img\/p\/itm[0-9a-f]{13}\/0\.svg\?v=\d+$/);
        assert.ok(product.price <= product.mrp);
      });

      it('should filter by brand and count the other facets within it', async () => {
        const all = await browse();
        const [first, second] = all.facets.brand;
        const result = await browse(`?brand=${encodeURIComponent(`${first!.value},${second!.value}`)}&pageSize=48`);
        assert.equal(result.total, first!.count + second!.count);
        assert.ok(result.products.every((p) => p.brand === first!.value || p.brand === second!.value));
        // The brand facet itself still shows every brand, with unfiltered counts.
        assert.deepEqual(result.facets.brand.map((b) => [b.value, b.count]), all.facets.brand.map((b) => [b.value, b.count]));
        assert.equal(result.facets.rating.find((r) => r.value === '3')!.count, result.total);
      });

      it('should filter by price, rating and discount together', async () => {
        const result = await browse('?price=10000-30000&rating=4&discount=10&pageSize=48');
        assert.ok(result.total > 0);
        for (const p of result.products) {
          assert.ok(p.price >= 10000_00 && p.price < 30000_00 && p.rating >= 4 && p.discountPercent >= 10, JSON.stringify(p));
        }
        assert.equal(result.facets.price.find((v) => v.selected)?.value, undefined, 'a custom range is not a bucket');
        assert.ok(result.facets.rating.find((v) => v.value === '4')!.selected);
      });

      it('should sort and page without overlap', async () => {
        const one = await browse('?sort=price_asc&pageSize=10');
        const two = await browse('?sort=price_asc&pageSize=10&page=2');
        const prices = [...one.products, ...two.products].map((p) => p.price);
        assert.deepEqual(prices, prices.slice().sort((a, b) => a - b));
        assert.equal(new Set([...one.products, ...two.products].map((p) => p.id)).size, 20);
        const newest = await browse('?sort=newest&pageSize=5');
        assert.equal(newest.sort, 'newest');
        const rated = await browse('?sort=rating');
        assert.deepEqual(rated.products.map((p) => p.rating), rated.products.map((p) => p.rating).sort((a, b) => b - a));
      });

      it('should answer an empty page past the end', async () => {
        const result = await browse('?page=999');
        assert.equal(result.products.length, 0);
        assert.ok(result.total > 0);
      });

      it('should answer 404 category-not-found for an unknown category', async () => {
        const body = await json<{ error: { code: string } }>('/api/catalog/browse/spaceships', 404);
        assert.equal(body.error.code, 'category-not-found');
      });
    });

    describe('GET /api/catalog/search', () => {
      it('should find products by relevance and page them', async () => {
        const result = await json<SearchResult>('/api/catalog/search?q=%20samsung%20&pageSize=5');
        assert.equal(result.query, 'samsung');
        assert.ok(result.total > 5);
        assert.equal(result.products.length, 5);
        assert.ok(result.products.every((p) => p.brand === 'Samsung'));
      });

      it('should sort results by price', async () => {
        const result = await json<SearchResult>('/api/catalog/search?q=shoes&sort=price_desc');
        const prices = result.products.map((p) => p.price);
        assert.deepEqual(prices, prices.slice().sort((a, b) => b - a));
      });

      it('should filter results with the browse facets and answer their counts', async () => {
        const all = await json<SearchResult>('/api/catalog/search?q=phone');
        assert.ok(all.facets.brand.length > 1);
        const brand = all.facets.brand[0]!;
        const filtered = await json<SearchResult>(`/api/catalog/search?q=phone&brand=${encodeURIComponent(brand.value)}&pageSize=48`);
        assert.equal(filtered.total, brand.count);
        assert.ok(filtered.products.every((p) => p.brand === brand.value));
      });

      it('should search a corrected query when the asked one finds nothing, and say so', async () => {
        // Two letters swapped: the engine's fuzzy matching counts that as two typos and finds nothing.
        const result = await json<SearchResult>('/api/catalog/search?q=smasung');
        assert.equal(result.correctedQuery, 'samsung');
        assert.ok(result.total > 0 && result.products.every((p) => p.brand === 'Samsung'));
      });

      it('should list every product under the filters when there is no text (View all)', async () => {
        const result = await json<SearchResult>('/api/catalog/search?rating=4&sort=rating');
        assert.equal(result.query, '');
        assert.ok(result.total > 0 && result.products.every((p) => p.rating >= 4));
      });

      it('should answer no products for text that matches nothing', async () => {
        const result = await json<SearchResult>('/api/catalog/search?q=qqqqzzzzxxxx');
        assert.deepEqual([result.total, result.products.length], [0, 0]);
      });
    });

    describe('GET /api/catalog/suggest', () => {
      it('should suggest completions, a category and a few products', async () => {
        const result = await json<SuggestResult>('/api/catalog/suggest?q=sam');
        assert.ok(result.suggestions.length > 0 && result.suggestions.length <= 8);
        assert.equal(result.suggestions[0]!.text, 'samsung');
        assert.ok(result.suggestions.some((s) => s.category !== undefined));
        assert.ok(result.products.length > 0 && result.products.length <= 4);
      });
    });

    describe('GET /api/catalog/products', () => {
      let some: ProductSummary[];
      before(async () => {
        some = (await json<BrowseResult>('/api/catalog/browse/fashion?pageSize=3')).products;
      });

      it('should answer a product with variants, images, offers and specifications', async () => {
        const product = await json<Product>(`/api/catalog/products/${some[0]!.id}`);
        assert.equal(product.id, some[0]!.id);
        assert.ok(product.variants.length > 0 && product.variants.every((v) => /^#[0-9a-f]{6}$/.test(v.colorHex)));
        assert.ok(product.images.length >= 2 && product.specifications.length > 0 && product.offers.length > 0);
        assert.ok(!Number.isNaN(Date.parse(product.createdAt)));
      });

      it('should answer a phone with its family: each listing its own colour, storage, price and stock', async () => {
        const phones = (await json<BrowseResult>('/api/catalog/browse/mobiles?pageSize=48')).products;
        const product = await json<Product>(`/api/catalog/products/${phones[0]!.id}`);
        assert.deepEqual(product.variants, [], 'a colour is a listing, not a variant');
        assert.ok(product.family, 'a phone has other colours or memory sizes');
        assert.ok(product.family.axes.length >= 1 && product.family.axes.every((axis) => ['Colour', 'Storage', 'RAM'].includes(axis)));
        const colour = product.attributes.find((a) => a.name === 'Colour')!;
        assert.ok(product.title.includes(colour.value), 'the title names the listing\'s own colour');
        for (const member of product.family.members) {
          const listing = await json<Product>(`/api/catalog/products/${member.id}`);
          assert.equal(listing.family?.id, product.family.id);
          assert.deepEqual([listing.title, listing.price, listing.inStock, listing.slug], [member.title, member.price, member.inStock, member.slug]);
          assert.deepEqual(listing.attributes, member.attributes);
        }
        const signatures = product.family.members.map((m) => JSON.stringify(m.attributes));
        assert.equal(new Set(signatures).size, signatures.length, 'one listing per combination');
      });

      it('should answer reviews a page at a time with the ratings split, in the asked order', async () => {
        const product = await json<Product>(`/api/catalog/products/${some[0]!.id}`);
        const first = await json<ReviewsPage>(`/api/catalog/products/${product.id}/reviews?pageSize=3`);
        assert.equal(first.reviewCount, product.reviewCount, 'the page claims the reviews it holds');
        assert.equal(first.total, product.reviewCount);
        assert.equal(first.breakdown.reduce((n, b) => n + b.count, 0), product.ratingCount);
        assert.deepEqual(first.breakdown.map((b) => b.stars), [5, 4, 3, 2, 1]);
        assert.equal(first.reviews.length, Math.min(3, first.total));
        const helpful = first.reviews.map((r) => r.helpful);
        assert.deepEqual(helpful, helpful.slice().sort((a, b) => b - a));
        const all: string[] = [];
        for (let page = 1; page <= Math.ceil(first.total / 3); page++) all.push(...(await json<ReviewsPage>(`/api/catalog/products/${product.id}/reviews?pageSize=3&page=${page}`)).reviews.map((r) => r.id));
        assert.equal(new Set(all).size, first.total, 'pages neither overlap nor skip');
        const negative = await json<ReviewsPage>(`/api/catalog/products/${product.id}/reviews?sort=negative&pageSize=20`);
        const stars = negative.reviews.map((r) => r.rating);
        assert.deepEqual(stars, stars.slice().sort((a, b) => a - b));
        assert.equal((await json<{ error: { code: string } }>(`/api/catalog/products/${product.id}/reviews?sort=best`, 400)).error.code, 'bad-request');
        assert.equal((await json<{ error: { code: string } }>('/api/catalog/products/itm0000000000000/reviews', 404)).error.code, 'product-not-found');
      });

      it('should answer similar products of the same category, without the product\'s own family', async () => {
        const phones = (await json<BrowseResult>('/api/catalog/browse/mobiles?pageSize=10')).products;
        const product = await json<Product>(`/api/catalog/products/${phones[0]!.id}`);
        const similar = await json<ProductSummary[]>(`/api/catalog/products/${product.id}/similar`);
        assert.ok(similar.length > 0 && similar.length <= 12);
        const family = new Set(product.family?.members.map((m) => m.id) ?? []);
        for (const p of similar) {
          assert.equal(p.categorySlug, 'mobiles');
          assert.ok(p.id !== product.id && !family.has(p.id) && p.inStock);
        }
      });

      it('should answer summaries in the asked order, skipping unknown ids', async () => {
        const ids = [some[2]!.id, 'itm0000000000000', some[0]!.id];
        const list = await json<ProductSummary[]>(`/api/catalog/products?ids=${ids.join(',')}`);
        assert.deepEqual(list.map((p) => p.id), [some[2]!.id, some[0]!.id]);
      });

      it('should answer 404 product-not-found for an unknown id', async () => {
        const body = await json<{ error: { code: string } }>('/api/catalog/products/itm0000000000000', 404);
        assert.equal(body.error.code, 'product-not-found');
      });
    });

    describe('GET /img/p/:productId/:n.svg', () => {
      it('should draw the image as an immutable, sandboxed SVG', async () => {
        const product = (await browse('?pageSize=1')).products[0]!;
        const res = await get(product.image.url, { accept: 'image/avif,image/webp,*/*' });
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type')!, /^image\/svg\+xml/);
        assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
        assert.match(res.headers.get('content-security-policy')!, /default-src 'none'.*sandbox/);
        const svg = await res.text();
        assert.match(svg, /^<svg [^>]*width="400" height="400" viewBox="0 0 400 400"/);
        assert.equal(await (await get(product.image.url)).text(), svg, 'deterministic');
      });

      for (const [path, code] of [
        ['/img/p/itm0000000000000/0.svg?v=1', 'product-not-found'],
        ['/img/p/itm000/0.svg', 'not-found'],
        ['/img/p/itm0000000000000/0.png', 'not-found'],
        ['/img/elsewhere', 'not-found'],
      ] as const) {
        it(`should answer 404 JSON ${code} for ${path}`, async () => {
          const res = await get(path, { accept: 'image/*' });
          assert.equal(res.status, 404);
          assert.equal(((await res.json()) as { error: { code: string } }).error.code, code);
        });
      }

      it('should answer 404 JSON for an image index the product does not have', async () => {
        const product = (await browse('?pageSize=1')).products[0]!;
        const res = await get(`/img/p/${product.id}/42.svg?v=1`);
        assert.equal(res.status, 404);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not-found');
      });
    });

    describe('malformed requests', () => {
      const LONG = 'x'.repeat(101);
      const ids51 = Array.from({ length: 51 }, (_, i) => `itm${String(i).padStart(13, '0')}`).join(',');
      const cases: Array<[path: string, code: string]> = [
        ['/api/catalog/browse/mobiles?sort=cheapest', 'bad-request'],
        ['/api/catalog/browse/mobiles?page=-1', 'bad-request'],
        ['/api/catalog/browse/mobiles?page=abc', 'bad-request'],
        ['/api/catalog/browse/mobiles?page=0', 'bad-request'],
        ['/api/catalog/browse/mobiles?page=1e3', 'bad-request'],
        ['/api/catalog/browse/mobiles?page=%EF%BC%91', 'bad-request'], // a full-width digit one
        ['/api/catalog/browse/mobiles?pageSize=1000', 'bad-request'],
        ['/api/catalog/browse/mobiles?pageSize=49', 'bad-request'],
        ['/api/catalog/browse/mobiles?page=1&page=2', 'bad-request'],
        ['/api/catalog/browse/mobiles?price=abc', 'bad-request'],
        ['/api/catalog/browse/mobiles?price=500-100', 'bad-request'],
        ['/api/catalog/browse/mobiles?price=-100', 'bad-request'],
        ['/api/catalog/browse/mobiles?rating=9', 'bad-request'],
        ['/api/catalog/browse/mobiles?discount=abc', 'bad-request'],
        ['/api/catalog/browse/mobiles?brand=Sam%00sung', 'bad-request'],
        ['/api/catalog/browse/mobiles?page=%FF', 'bad-request'],
        ['/api/catalog/browse/MOBILES', 'bad-request'],
        ['/api/catalog/browse/%F0%9F%93%B1', 'bad-request'],
        ['/api/catalog/browse/mob%ZZiles', 'bad-request'],
        ['/api/catalog/search', 'bad-request'],
        ['/api/catalog/search?q=', 'bad-request'],
        ['/api/catalog/search?q=%20%20%20', 'bad-request'],
        [`/api/catalog/search?q=${LONG}`, 'bad-request'],
        ['/api/catalog/search?q=a%00b', 'bad-request'],
        ['/api/catalog/search?q=ok&sort=best', 'bad-request'],
        ['/api/catalog/search?q=ok&pageSize=1000', 'bad-request'],
        ['/api/catalog/search?q=a&q=b', 'bad-request'],
        ['/api/catalog/suggest', 'bad-request'],
        [`/api/catalog/suggest?q=${LONG}`, 'bad-request'],
        ['/api/catalog/products/abc', 'bad-request'],
        ['/api/catalog/products/ITM0000000000000', 'bad-request'],
        ['/api/catalog/products/%E0%A4%A', 'bad-request'],
        ['/api/catalog/products/%C0%AF', 'bad-request'],
        ['/api/catalog/products/%F0%9F%9B%92', 'bad-request'],
        ['/api/catalog/products', 'bad-request'],
        ['/api/catalog/products?ids=', 'bad-request'],
        [`/api/catalog/products?ids=${ids51}`, 'bad-request'],
        ['/api/catalog/products?ids=itm0000000000000,%27%20OR%201=1--', 'bad-request'],
        ['/api/catalog/nothing-here', 'not-found'],
      ];
      for (const [path, code] of cases) {
        it(`should answer ${code} for ${path.length > 90 ? `${path.slice(0, 90)}…` : path}`, async () => {
          const res = await get(path);
          const body = (await res.json()) as { error?: { code: string; message: string } };
          assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
          assert.equal(body.error?.code, code);
          assert.equal(res.headers.get('cache-control'), 'no-store');
        });
      }

      // Odd but well-formed text is a search like any other: it answers, it never fails.
      for (const q of ['%F0%9F%98%80%F0%9F%93%B1', '%ED%A0%80', '%E0%A4%A', '%25%25%25', '%D8%B3%D8%A7%D9%85%D8%B3%D9%88%D9%86%DA%AF', "'%20OR%201=1--", '*', 'a%2Cb']) {
        it(`should search odd text q=${q} without failing`, async () => {
          for (const endpoint of ['search', 'suggest']) {
            const res = await get(`/api/catalog/${endpoint}?q=${q}`);
            assert.equal(res.status, 200, `${endpoint}: ${await res.text()}`);
          }
        });
      }
    });
  });
}
