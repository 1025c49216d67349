import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SEEN_IMAGES, seenImageUrls } from './seen-images';

const ORIGIN = 'https://shop.example';

describe('seenImageUrls', () => {
  it('should keep same-origin pictures, photos and drawings, each once', () => {
    const urls = [
      `${ORIGIN}/img/v1/abc/400.avif`,
      `${ORIGIN}/img/p/itm0123456789abc/0.svg?v=1`,
      `${ORIGIN}/img/v1/abc/400.avif#x`,
      '/img/v1/abc/200.webp',
    ];
    assert.deepEqual(seenImageUrls(urls, ORIGIN), [`${ORIGIN}/img/v1/abc/400.avif`, `${ORIGIN}/img/p/itm0123456789abc/0.svg?v=1`, `${ORIGIN}/img/v1/abc/200.webp`]);
  });

  it('should leave out other origins, other kinds of request and anything not a URL', () => {
    const urls = ['https://cdn.example/img/v1/abc/400.avif', `${ORIGIN}/api/catalog/home`, `${ORIGIN}/static/app.js`, 42, null, 'http://[', `${ORIGIN}/img/${'a'.repeat(3000)}`];
    assert.deepEqual(seenImageUrls(urls, ORIGIN), []);
    assert.deepEqual(seenImageUrls('not a list', ORIGIN), []);
  });

  it('should stop at a cache-sized batch', () => {
    const urls = Array.from({ length: 200 }, (_, n) => `${ORIGIN}/img/v1/k${n}/200.webp`);
    assert.equal(seenImageUrls(urls, ORIGIN).length, MAX_SEEN_IMAGES);
  });
});
