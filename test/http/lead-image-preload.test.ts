/**
 * The shells' `Link` header names the page's largest picture (decisions/0022): the same picture
 * and `srcset` the page shows, read off the answer its data request gets, so it follows a change.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowseResult, HomeResult, Product } from '../../shared/api-types';
import { photoSrcset } from '../../shared/product-images';
import { flat, paintPhoto, rect } from '../../server/images/palette/painted-photo';
import { startServer, storeKinds, type TestServer } from '../support/server';

for (const kind of storeKinds()) {
  describe(`lead picture preload (${kind})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(kind, { seedProducts: 120 });
    });
    after(() => server.close());

    const api = async <T>(path: string) => (await (await fetch(server.url + '/api/catalog/' + path)).json()) as T;
    const link = async (url: string) => (await fetch(server.url + url, { headers: { Accept: 'text/html' } })).headers.get('link');
    const drawingPreload = (url: string) => `<${url}>; rel=preload; as=image; fetchpriority=high`;

    it('should preload the first card of a category page, after its data', async () => {
      const browse = await api<BrowseResult>('browse/mobiles?page=1&pageSize=24');
      assert.equal(await link('/mobiles/pr'), `</api/catalog/browse/mobiles?page=1&pageSize=24>; rel=preload; as=fetch; crossorigin, ${drawingPreload(browse.products[0]!.image.url)}`);
    });

    it('should preload the first deal of the home page', async () => {
      const home = await api<HomeResult>('home');
      assert.equal(await link('/'), `</api/catalog/home>; rel=preload; as=fetch; crossorigin, ${drawingPreload(home.deals[0]!.image.url)}`);
    });

    it('should preload the product page\'s first picture, and that URL should answer with the picture', async () => {
      const [first] = (await api<BrowseResult>('browse/mobiles')).products;
      const product = await api<Product>(`products/${first!.id}`);
      const header = await link(`/${first!.slug}/p/${first!.id}`);
      assert.equal(header, `</api/catalog/products/${first!.id}>; rel=preload; as=fetch; crossorigin, ${drawingPreload(product.images[0]!.url)}`);
      const picture = await fetch(server.url + /, <([^>]+)>/.exec(header!)![1]!);
      assert.equal(picture.status, 200);
      assert.match(picture.headers.get('content-type') ?? '', /^image\//);
    });

    it('should follow a change of the product\'s pictures: its new first photo, as AVIF with its srcset', async () => {
      const [, second] = (await api<BrowseResult>('browse/mobiles')).products;
      const photo = await paintPhoto({ size: 480, background: flat('#ffffff'), shapes: [rect(0.3, 0.1, 0.7, 0.9, '#1f5fa8', 0.04)], noise: 3 });
      const upload = await fetch(`${server.url}/ops/api/catalog/products/${second!.id}/images?position=0`, { method: 'POST', body: new Uint8Array(photo), headers: { ...server.operator, 'content-type': 'image/jpeg' } });
      assert.equal(upload.status, 201);
      const product = await api<Product>(`products/${second!.id}`);
      const shown = product.images[0]!.photo!;
      assert.ok(shown, 'the upload is the first picture');
      const header = (await link(`/${second!.slug}/p/${second!.id}`)) ?? '';
      assert.ok(header.includes(`imagesrcset="${photoSrcset(shown, 'avif')}"`), header);
      assert.ok(header.includes('type="image/avif"') && header.includes('imagesizes="(min-width: 900px) 388px, 308px"; fetchpriority=high'), header);
    });

    it('should preload no picture for a URL with a query, an unknown product or a malformed one', async () => {
      assert.equal(await link('/mobiles/pr?sort=price_asc'), null);
      const unknown = '</api/catalog/products/itm0000000000000>; rel=preload; as=fetch; crossorigin';
      assert.equal(await link('/x/p/itm0000000000000'), unknown);
      assert.equal(await link('/x/p/itm0000000000000'), unknown, 'an unknown product is never an answer held in memory');
      assert.equal(await link('/x/p/%E0%A4%A'), null);
      assert.equal(await link('/nothing-here/pr'), '</api/catalog/browse/nothing-here?page=1&pageSize=24>; rel=preload; as=fetch; crossorigin');
    });
  });
}
