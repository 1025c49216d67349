/**
 * The shells name the page's largest picture (decisions/0025) in their `Link` header and show it in
 * the loading layout's lead slot: the same picture and `srcset` the page shows, read off the answer
 * its data request gets, so both follow a change.
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
    /** What the shell's lead slot holds ('' when empty, null when the shell has none). */
    const slot = async (url: string) => /<span class="lead-slot[^"]*" aria-hidden="true">(.*?)<\/span>/.exec(await (await fetch(server.url + url, { headers: { Accept: 'text/html' } })).text())?.[1] ?? null;
    const drawingPreload = (url: string) => `<${url}>; rel=preload; as=image; fetchpriority=high`;

    it('should preload the first card of a category page, after its data', async () => {
      const browse = await api<BrowseResult>('browse/mobiles?page=1&pageSize=24');
      assert.equal(await link('/mobiles/pr'), `</api/catalog/browse/mobiles?page=1&pageSize=24>; rel=preload; as=fetch; crossorigin, ${drawingPreload(browse.products[0]!.image.url)}`);
    });

    it('should show the same picture in the loading layout\'s lead slot, in both codings, and none in the worker\'s copy', async () => {
      const browse = await api<BrowseResult>('browse/mobiles?page=1&pageSize=24');
      const expected = `<img class="pp-photo" src="${browse.products[0]!.image.url}" alt="" width="200" height="200" fetchpriority="high" decoding="async">`;
      assert.equal(await slot('/mobiles/pr'), expected);
      const gzip = await fetch(server.url + '/mobiles/pr', { headers: { Accept: 'text/html', 'Accept-Encoding': 'gzip' } });
      assert.equal(gzip.headers.get('content-encoding'), 'gzip');
      assert.ok((await gzip.text()).includes(`<span class="lead-slot" aria-hidden="true">${expected}</span>`), 'fetch decodes the spliced gzip to the same page');
      assert.equal(await slot('/mobiles/pr?sort=price_asc'), '', 'a query changes the data: nothing shown ahead');
      assert.equal(await slot('/search?q=phone'), null, 'search has no lead slot');
      assert.equal(await slot('/__shells/home-browse-product/browse'), '', 'the worker\'s copy serves every category');
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
      const inSlot = (await slot(`/${second!.slug}/p/${second!.id}`)) ?? '';
      assert.ok(inSlot.startsWith(`<picture class="pp"><source type="image/avif" srcset="${photoSrcset(shown, 'avif')}" sizes="(min-width: 900px) 388px, 308px">`), inSlot);
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
