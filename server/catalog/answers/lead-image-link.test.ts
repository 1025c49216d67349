import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product, ProductImage, ProductSummary } from '../../../shared/api-types';
import type { CatalogAnswers } from './catalog-answers';
import { EncodedAnswer } from './encoded-answer';
import { imagePreloadLink, leadImageLinkOf, leadImages, leadPictureHtml } from './lead-image-link';

const KEY = 'c0aa99ca35a4dbb48a68a9aa';
const photo = (key = KEY): ProductImage => ({ url: `/img/v1/${key}/200.webp`, alt: 'front', photo: { key, width: 1200, height: 1200, widths: [200, 400, 600], placeholder: 'data:image/webp;base64,AA' } });
const drawing = (id: string): ProductImage => ({ url: `/img/p/${id}/0.svg?v=1`, alt: id });
const summary = (id: string, image: ProductImage) => ({ id, image }) as ProductSummary;
const product = (images: ProductImage[]) => ({ id: 'itm0123456789abc', images, variants: [] }) as unknown as Product;

describe('imagePreloadLink()', () => {
  it('should preload a photo as AVIF only, typed, with the srcset and sizes of its use', () => {
    assert.equal(
      imagePreloadLink({ image: photo(), use: 'gallery', high: true }),
      `</img/v1/${KEY}/200.avif>; rel=preload; as=image; type="image/avif"; ` +
        `imagesrcset="/img/v1/${KEY}/200.avif 200w, /img/v1/${KEY}/400.avif 400w, /img/v1/${KEY}/600.avif 600w"; ` +
        'imagesizes="(min-width: 900px) 388px, 308px"; fetchpriority=high',
    );
  });
  it('should preload a drawing by its URL, at high priority only when asked', () => {
    assert.equal(imagePreloadLink({ image: drawing('itm1'), use: 'card', high: true }), '</img/p/itm1/0.svg?v=1>; rel=preload; as=image; fetchpriority=high');
    assert.equal(imagePreloadLink({ image: drawing('itm1'), use: 'card', high: false }), '</img/p/itm1/0.svg?v=1>; rel=preload; as=image');
  });
  it('should name nothing a header could not carry safely', () => {
    for (const url of ['/a>b', '/a, </b>', 'https://elsewhere.example/x.png', '/a"b', '/a\r\nSet-Cookie: x=1', '/a b']) {
      assert.equal(imagePreloadLink({ image: { url, alt: '' }, use: 'card', high: true }), null, url);
    }
    assert.equal(imagePreloadLink({ image: photo('not-hex"'), use: 'card', high: true }), null);
    assert.equal(imagePreloadLink({ image: { ...photo(), photo: { ...photo().photo!, widths: [] } }, use: 'card', high: true }), null);
  });
});

describe('leadPictureHtml()', () => {
  it('should render a photo as the kit\'s picture does: AVIF then WebP sources with the use\'s sizes, in the use\'s box', () => {
    assert.equal(
      leadPictureHtml({ image: photo(), use: 'card', high: true }),
      '<picture class="pp">' +
        `<source type="image/avif" srcset="/img/v1/${KEY}/200.avif 200w, /img/v1/${KEY}/400.avif 400w, /img/v1/${KEY}/600.avif 600w" sizes="(min-width: 900px) 200px, (min-width: 600px) 30vw, 44vw">` +
        `<source type="image/webp" srcset="/img/v1/${KEY}/200.webp 200w, /img/v1/${KEY}/400.webp 400w, /img/v1/${KEY}/600.webp 600w" sizes="(min-width: 900px) 200px, (min-width: 600px) 30vw, 44vw">` +
        `<img class="pp-photo" src="/img/v1/${KEY}/200.webp" alt="" width="200" height="200" fetchpriority="high" decoding="async"></picture>`,
    );
  });
  it('should render a drawing as a plain image in the gallery box', () => {
    assert.equal(leadPictureHtml({ image: drawing('itm1'), use: 'gallery', high: true }), '<img class="pp-photo" src="/img/p/itm1/0.svg?v=1" alt="" width="400" height="400" fetchpriority="high" decoding="async">');
  });
  it('should render nothing for a URL that could break out of its attribute', () => {
    for (const url of ['/a"><script>alert(1)</script>', "/a' onerror='x", '/a b']) assert.equal(leadPictureHtml({ image: { url, alt: '' }, use: 'card', high: true }), null, url);
  });
});

describe('leadImageLinkOf()', () => {
  it('should pick the product page\'s first gallery picture', () => {
    assert.match(leadImageLinkOf(product([photo(), drawing('itm2')]))!, /^<\/img\/v1\/c0aa99ca35a4dbb48a68a9aa\/200\.avif>.*imagesizes="\(min-width: 900px\) 388px, 308px"; fetchpriority=high$/);
  });
  it('should pick the first card of a browse answer and the first deal of the home answer, as cards', () => {
    const cards = { products: [summary('a', drawing('a')), summary('b', photo())], total: 2 };
    assert.equal(leadImageLinkOf(cards), '</img/p/a/0.svg?v=1>; rel=preload; as=image; fetchpriority=high');
    const home = { deals: [summary('b', photo())], topRated: [summary('a', drawing('a'))], categories: [] };
    assert.match(leadImageLinkOf(home)!, /imagesizes="\(min-width: 900px\) 200px, \(min-width: 600px\) 30vw, 44vw"; fetchpriority=high$/);
  });
  it('should name nothing for a page without pictures', () => {
    for (const data of [product([]), { products: [], total: 0 }, { deals: [] }, { lines: [] }, null]) assert.equal(leadImageLinkOf(data), null);
  });
});

describe('leadImages()', () => {
  /** Answers as `CatalogAnswers` gives them: current ones at once, one being built as a promise; `generation` moves with each change. */
  function answersOf(held: { product?: EncodedAnswer | Promise<EncodedAnswer>; home?: EncodedAnswer; browse?: EncodedAnswer; generation?: number }) {
    const asked: string[] = [];
    const answers = {
      get generation() {
        return held.generation ?? 0;
      },
      product(id: string) {
        asked.push(`product:${id}`);
        return held.product ?? Promise.reject(new Error('product-not-found'));
      },
      home: () => held.home!,
      browse(request: { slug: string; page: number; pageSize: number }) {
        asked.push(`browse:${request.slug}:${request.page}:${request.pageSize}`);
        return held.browse!;
      },
    } as unknown as CatalogAnswers;
    return { answers, asked };
  }

  it('should read the answer the data path names, with its query, and give its lead picture', () => {
    const { answers, asked } = answersOf({ browse: EncodedAnswer.of({ products: [summary('a', drawing('a'))], total: 1 }), home: EncodedAnswer.of({ deals: [summary('b', photo())], categories: [] }) });
    const lead = leadImages(answers);
    const link = (path: string) => lead(path)?.link ?? null;
    assert.equal(link('catalog/browse/mobiles?page=1&pageSize=24'), '</img/p/a/0.svg?v=1>; rel=preload; as=image; fetchpriority=high');
    assert.deepEqual(asked, ['browse:mobiles:1:24']);
    assert.match(link('catalog/home')!, new RegExp(`^</img/v1/${KEY}/200.avif>`));
  });

  it('should follow the answer: a rebuilt one (after a change) gives its own picture', () => {
    const held: { product?: EncodedAnswer; generation: number } = { product: EncodedAnswer.of(product([drawing('itm0123456789abc')])), generation: 0 };
    const { answers, asked } = answersOf(held);
    const lead = leadImages(answers);
    const link = (path: string) => lead(path)?.link ?? null;
    assert.match(link('catalog/products/itm0123456789abc')!, /^<\/img\/p\/itm0123456789abc\/0\.svg\?v=1>/);
    held.product = EncodedAnswer.of(product([photo()]));
    held.generation = 1;
    assert.match(link('catalog/products/itm0123456789abc')!, new RegExp(`^</img/v1/${KEY}/200.avif>`));
    assert.equal(asked.length, 2, 'the answer is read again after the change');
  });

  it('should read a path\'s answer once while no change is applied, and again after one', () => {
    const held = { product: EncodedAnswer.of(product([photo()])), generation: 3 };
    const { answers, asked } = answersOf(held);
    const lead = leadImages(answers);
    const first = lead('catalog/products/itm0123456789abc');
    for (let i = 0; i < 5; i++) assert.equal(lead('catalog/products/itm0123456789abc'), first);
    assert.deepEqual(asked, ['product:itm0123456789abc']);
    held.generation = 4;
    assert.equal(lead('catalog/products/itm0123456789abc'), first, 'the same answer (nothing it shows changed) gives the same picture');
    assert.deepEqual(asked, ['product:itm0123456789abc', 'product:itm0123456789abc']);
  });

  it('should not remember a path whose answer is still being built', async () => {
    let finish!: (answer: EncodedAnswer) => void;
    const held: { product?: Promise<EncodedAnswer> | EncodedAnswer } = { product: new Promise<EncodedAnswer>((resolve) => (finish = resolve)) };
    const { answers } = answersOf(held);
    const lead = leadImages(answers);
    assert.equal(lead('catalog/products/itm0123456789abc'), null);
    const built = EncodedAnswer.of(product([photo()]));
    finish(built);
    held.product = built;
    assert.match(lead('catalog/products/itm0123456789abc')!.link, new RegExp(`^</img/v1/${KEY}/200.avif>`));
  });

  it('should give the slot\'s picture with the link, for the same image', () => {
    const lead = leadImages(answersOf({ home: EncodedAnswer.of({ deals: [summary('b', photo())], categories: [] }) }).answers)('catalog/home');
    assert.ok(lead);
    assert.match(lead.html.toString('utf8'), new RegExp(`^<picture class="pp"><source type="image/avif" srcset="/img/v1/${KEY}/200.avif 200w`));
  });

  it('should name nothing while the answer is being built, and not hold the shell up for it', async () => {
    let finish!: (answer: EncodedAnswer) => void;
    const building = new Promise<EncodedAnswer>((resolve) => (finish = resolve));
    const link = leadImages(answersOf({ product: building }).answers);
    assert.equal(link('catalog/products/itm0123456789abc'), null);
    finish(EncodedAnswer.of(product([photo()])));
    await building;
  });

  it('should name nothing for bad input, unknown items, malformed escapes and paths that are no catalog read', async () => {
    const { answers, asked } = answersOf({});
    const lead = leadImages(answers);
    const link = (path: string) => lead(path)?.link ?? null;
    for (const path of ['catalog/products/not%20an%20id', 'catalog/products/%E0%A4%A', 'catalog/nothing/here', 'cart', 'catalog/browse/mobiles?page=-4&pageSize=24', 'catalog/browse/Bad%20Slug']) {
      assert.equal(link(path), null, path);
    }
    // An unknown product: its answer rejects, and that rejection is handled (no unhandled rejection).
    assert.equal(link('catalog/products/itm0000000000000'), null);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(asked, ['product:itm0000000000000']);
  });
});
