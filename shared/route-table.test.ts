import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeTable as accounts } from '../apps/accounts/src/routes';
import { routeTable as checkout } from '../apps/checkout/src/routes';
import { routeTable as main } from '../apps/home-browse-product/src/routes';
import { dataPath, matchRoute, NOT_FOUND_URL, placeholderUrl, shellsOf } from './route-table';

const tables = [checkout, accounts, main];
const shellOf = (pathname: string): string | null => {
  const match = matchRoute(tables, pathname);
  return match ? `${match.app}/${match.route.shell}` : null;
};

describe('dataPath', () => {
  it('fills each :param, encoded as a URL component, and keeps the rest as written', () => {
    assert.equal(dataPath('catalog/products/:itemId', { itemId: 'itm0123456789abc' }), 'catalog/products/itm0123456789abc');
    assert.equal(dataPath('catalog/browse/:slug?page=1&pageSize=24', { slug: 'a b/c?' }), 'catalog/browse/a%20b%2Fc%3F?page=1&pageSize=24');
    assert.equal(dataPath('catalog/home', {}), 'catalog/home');
  });

  it('is null without a template or when a parameter it names is missing or empty', () => {
    assert.equal(dataPath(undefined, { itemId: 'x' }), null);
    assert.equal(dataPath('catalog/products/:itemId', {}), null);
    assert.equal(dataPath('catalog/products/:itemId', { itemId: '' }), null);
  });
});

describe('matchRoute', () => {
  it('should give each URL pattern of the architecture its app and shell', () => {
    assert.equal(shellOf('/'), 'home-browse-product/home');
    assert.equal(shellOf('/search'), 'home-browse-product/search');
    assert.equal(shellOf('/mobiles/pr'), 'home-browse-product/browse');
    assert.equal(shellOf('/redmi-note-13/p/itm0123456789abc'), 'home-browse-product/product');
    assert.equal(shellOf('/cart'), 'checkout/cart');
    assert.equal(shellOf('/checkout/address'), 'checkout/checkout-address');
    assert.equal(shellOf('/checkout/summary'), 'checkout/checkout-summary');
    assert.equal(shellOf('/checkout/payment'), 'checkout/checkout-payment');
    assert.equal(shellOf('/checkout/confirmation/OD123456789012345678'), 'checkout/checkout-confirmation');
    assert.equal(shellOf('/checkout'), 'checkout/checkout');
    assert.equal(shellOf('/checkout/older/link'), 'checkout/checkout');
    assert.equal(shellOf('/accounts/login'), 'accounts/accounts');
    assert.equal(shellOf('/accounts/orders/123'), 'accounts/accounts');
  });

  it('should return the params of the matched route', () => {
    const match = matchRoute(tables, '/redmi-note-13/p/itm0123456789abc');
    assert.deepEqual(match?.params, { slug: 'redmi-note-13', itemId: 'itm0123456789abc' });
  });

  it('should match nothing for URLs no app owns', () => {
    for (const url of ['/nope', '/mobiles', '/mobiles/pr/extra', '/a/p', '/cart/x', '/ops/console', '/api/cart']) {
      assert.equal(shellOf(url), null, url);
    }
  });

  it('should let checkout own /checkout/* even where the product pattern also fits', () => {
    assert.equal(shellOf('/checkout/p/itm0123456789abc'), 'checkout/checkout');
  });
});

describe('placeholderUrl', () => {
  it('should replace every dynamic segment and splat with the placeholder', () => {
    assert.equal(placeholderUrl('/:slug/p/:itemId'), '/__shell__/p/__shell__');
    assert.equal(placeholderUrl('/checkout/*'), '/checkout/__shell__');
    assert.equal(placeholderUrl('/'), '/');
  });

  it('should produce URLs that match their own route', () => {
    for (const table of tables) {
      for (const route of table.routes) {
        assert.equal(matchRoute([table], placeholderUrl(route.path))?.route.shell, route.shell, route.path);
      }
    }
  });
});

describe('shellsOf', () => {
  it('should list one shell per route type and the not-found page with status 404', () => {
    const shells = shellsOf(main);
    assert.deepEqual(shells.map((s) => s.shell), ['home', 'search', 'browse', 'product', 'not-found']);
    assert.equal(shells.at(-1)?.status, 404);
    assert.equal(shells.at(-1)?.url, NOT_FOUND_URL);
    assert.equal(matchRoute(tables, NOT_FOUND_URL), null);
  });
});
