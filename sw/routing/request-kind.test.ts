import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestKind } from './request-kind';

const kind = (path: string) => requestKind(new URL(path, 'https://shop.example'));

describe('requestKind', () => {
  it('should put one product per entry in the product cache', () => {
    assert.equal(kind('/api/catalog/products/itm0123456789abc'), 'product');
    assert.equal(kind('/api/catalog/products/itm0123456789abc/reviews'), null);
  });

  it('should tell searches from suggestions, whatever the query', () => {
    assert.equal(kind('/api/catalog/search?q=samsung&page=2'), 'search');
    assert.equal(kind('/api/catalog/suggest?q=sa'), 'suggestion');
  });

  it('should cache the catalog data pages need around them, and images', () => {
    assert.equal(kind('/api/catalog/categories'), 'catalog');
    assert.equal(kind('/api/catalog/browse/mobiles?sort=price'), 'catalog');
    assert.equal(kind('/api/catalog/products?ids=a,b'), 'catalog');
    assert.equal(kind('/img/p/itm1/0.webp'), 'image');
  });

  it('should cache processed photos (every format and width) and seeded drawings as images', () => {
    for (const path of ['/img/v1/0123456789abcdef01234567/200.avif', '/img/v1/0123456789abcdef01234567/1200.webp', '/img/p/itm0123456789abc/0.svg?v=1']) {
      assert.equal(kind(path), 'image', path);
    }
  });

  it('should leave the cart, accounts and everything else to the network', () => {
    for (const path of ['/api/cart', '/api/auth/otp', '/api/account/orders', '/foxtrot/v1/document/x', '/static/x.js', '/sw-status.json']) {
      assert.equal(kind(path), null, path);
    }
  });
});
