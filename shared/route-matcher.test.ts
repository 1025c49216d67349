import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeTable as accounts } from '../apps/accounts/src/routes';
import { routeTable as checkout } from '../apps/checkout/src/routes';
import { routeTable as main } from '../apps/home-browse-product/src/routes';
import { matchRoute } from './route-table';
import { compileRoutes, toPathToRegexp } from './route-matcher';

const tables = [checkout, accounts, main];

/** URLs of every kind, including edge cases of case, trailing slashes, splats and encodings. */
const CORPUS = [
  '/', '/search', '/search/', '/SEARCH', '/mobiles/pr', '/mobiles/pr/', '/Mobiles/PR', '/a-b-c/pr', '/mobiles/pr/x',
  '/x/p/itm0123456789abc', '/x/p/itm0123456789abc/', '/x/p/', '/x/p', '/%E0%A4%A/p/y', '/a%20b/p/y',
  '/cart', '/cart/', '/Cart', '/cart/x', '/checkout', '/checkout/', '/checkout/address', '/checkout/a/b/c',
  '/checkout/p/itm0123456789abc', '/accounts', '/accounts/login', '/accounts/orders/1', '/accountsx', '/nope',
  '/a/b/c/d', '//', '/api/cart', '/static/pr', '/x/P/y',
];

describe('compileRoutes', () => {
  it('should agree with React Router on every URL of the corpus', () => {
    const serverMatch = compileRoutes(tables);
    for (const url of CORPUS) {
      const expected = matchRoute(tables, url);
      const actual = serverMatch(url);
      assert.equal(actual?.route.shell ?? null, expected?.route.shell ?? null, url);
      assert.equal(actual?.app ?? null, expected?.app ?? null, url);
    }
  });

  it('should translate splats so they may match nothing', () => {
    assert.equal(toPathToRegexp('/checkout/*'), '/checkout{/*splat}');
    assert.equal(toPathToRegexp('*'), '{/*splat}');
    assert.equal(toPathToRegexp('/:slug/p/:itemId'), '/:slug/p/:itemId');
  });
});
