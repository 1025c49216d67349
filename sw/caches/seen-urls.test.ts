import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SEEN_URLS, seenUrls } from './seen-urls';

const ORIGIN = 'https://shop.example';

describe('seenUrls', () => {
  it('should keep same-origin pictures and catalog data, each once, with their kind', () => {
    const urls = [
      `${ORIGIN}/img/v1/abc/400.avif`,
      `${ORIGIN}/img/p/itm0123456789abc/0.svg?v=1`,
      `${ORIGIN}/img/v1/abc/400.avif#x`,
      '/api/catalog/home',
      `${ORIGIN}/api/catalog/browse/mobiles?page=1&pageSize=24`,
    ];
    assert.deepEqual(seenUrls(urls, ORIGIN), [
      { url: `${ORIGIN}/img/v1/abc/400.avif`, kind: 'image' },
      { url: `${ORIGIN}/img/p/itm0123456789abc/0.svg?v=1`, kind: 'image' },
      { url: `${ORIGIN}/api/catalog/home`, kind: 'catalog' },
      { url: `${ORIGIN}/api/catalog/browse/mobiles?page=1&pageSize=24`, kind: 'catalog' },
    ]);
  });

  it('should leave out other origins, what the worker does not cache and anything not a URL', () => {
    const urls = ['https://cdn.example/img/v1/abc/400.avif', `${ORIGIN}/api/cart`, `${ORIGIN}/static/app.js`, `${ORIGIN}/foxtrot/v1/document/storefront/bulk`, 42, null, 'http://[', `${ORIGIN}/img/${'a'.repeat(3000)}`];
    assert.deepEqual(seenUrls(urls, ORIGIN), []);
    assert.deepEqual(seenUrls('not a list', ORIGIN), []);
  });

  it('should stop at a cache-sized batch', () => {
    const urls = Array.from({ length: 200 }, (_, n) => `${ORIGIN}/img/v1/k${n}/200.webp`);
    assert.equal(seenUrls(urls, ORIGIN).length, MAX_SEEN_URLS);
  });
});
