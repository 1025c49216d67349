/**
 * A change of some products' pictures (a seeded drawing turned into a photo in the background, an
 * operator's upload) is a notice naming those products (decisions/0030): the answers that show
 * their pictures follow it, every other answer stays as it was, and so do the other pages' shells,
 * which keep naming their lead picture (decisions/0025).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowseResult, HomeResult, Product } from '../../shared/api-types';
import { startServer, storeKinds, type TestServer } from '../support/server';

for (const kind of storeKinds()) {
  describe(`picture changes (${kind})`, () => {
    let server: TestServer;
    const get = (path: string) => fetch(server.url + path, { headers: { Accept: 'application/json' } });
    const json = async <T>(path: string): Promise<T> => {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      return (await res.json()) as T;
    };
    const etag = async (path: string) => {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      await res.arrayBuffer();
      return res.headers.get('etag');
    };
    const shellLink = async (path: string) => (await fetch(server.url + path, { headers: { Accept: 'text/html' } })).headers.get('link');

    before(async () => {
      server = await startServer(kind, { seedProducts: 120, env: { SEED_PHOTOS: 'demand' } });
      await server.shop.answers.warmed();
    });
    after(() => server.close());

    it("should change A's answers when a drawing of A becomes a photo, and keep B's", async () => {
      const mobiles = await json<BrowseResult>('/api/catalog/browse/mobiles');
      const books = await json<BrowseResult>('/api/catalog/browse/books');
      const a = mobiles.products.find((p) => !p.image.photo)!;
      const b = books.products[0]!;
      assert.ok(a && b);
      const aPage = `/api/catalog/products/${a.id}`;
      const bPage = `/api/catalog/products/${b.id}`;
      const bShell = `/${b.slug}/p/${b.id}`;
      const before = { a: await etag(aPage), b: await etag(bPage), mobiles: await etag('/api/catalog/browse/mobiles'), books: await etag('/api/catalog/browse/books'), home: await etag('/api/catalog/home') };
      const bLink = await shellLink(bShell);
      assert.ok(bLink?.includes('as=image'), `B's shell names its lead picture: ${bLink}`);
      const builds = server.shop.answers.stats().builds;

      // Asking for a drawing queues its photo; idle() waits for it and for the batched notice.
      const drawing = await fetch(server.url + a.image.url);
      assert.equal(drawing.status, 200);
      await drawing.arrayBuffer();
      await server.shop.photos.idle();

      const aNow = await json<Product>(aPage);
      assert.ok(aNow.images[0]?.photo, "A's page shows the photo");
      assert.notEqual(await etag(aPage), before.a);
      assert.ok((await json<BrowseResult>('/api/catalog/browse/mobiles')).products.find((p) => p.id === a.id)?.image.photo, "A's category shows it");
      assert.notEqual(before.mobiles, await etag('/api/catalog/browse/mobiles'));
      const home = await json<HomeResult>('/api/catalog/home');
      assert.ok(home.deals.length > 0, 'home answers');

      assert.equal(await etag(bPage), before.b, "B's page is the answer it was");
      assert.equal(await etag('/api/catalog/browse/books'), before.books, "B's category is the answer it was");
      assert.equal(await shellLink(bShell), bLink, "B's shell still names its lead picture");
      // A's page, A's category page and the home page were rebuilt; never B's page or B's category.
      assert.equal(server.shop.answers.stats().builds - builds, 3, "only the answers showing A's picture were rebuilt");
      assert.notEqual(await etag('/api/catalog/home'), undefined);
    });

    it('should follow an upload the same way: the product and its family change, other products keep their answers', async () => {
      const books = await json<BrowseResult>('/api/catalog/browse/books');
      const [c, d] = books.products;
      assert.ok(c && d && c.id !== d.id);
      const family = (await json<Product>(`/api/catalog/products/${c.id}`)).family;
      const inFamily = new Set((family?.members ?? []).map((m) => m.id));
      assert.ok(!inFamily.has(d.id) || d.id === c.id, 'D is not in C\'s family');
      const dBefore = await etag(`/api/catalog/products/${d.id}`);
      const { paintPhoto, flat, rect } = await import('../../server/images/palette/painted-photo');
      const photo = await paintPhoto({ size: 480, background: flat('#ffffff'), shapes: [rect(0.3, 0.1, 0.7, 0.9, '#8a2be2', 0.04)], noise: 3 });
      const upload = await fetch(`${server.url}/ops/api/catalog/products/${c.id}/images?position=0`, { method: 'POST', body: new Uint8Array(photo), headers: { ...server.operator, 'content-type': 'image/jpeg' } });
      assert.equal(upload.status, 201);
      assert.ok((await json<Product>(`/api/catalog/products/${c.id}`)).images[0]?.photo, 'the upload shows at once');
      assert.ok((await json<BrowseResult>('/api/catalog/browse/books')).products.find((p) => p.id === c.id)?.image.photo, 'and in its category');
      assert.equal(await etag(`/api/catalog/products/${d.id}`), dBefore, "D's page is the answer it was");
    });
  });
}
