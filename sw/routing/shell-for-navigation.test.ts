import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeTable as accounts } from '../../apps/accounts/src/routes';
import { routeTable as checkout } from '../../apps/checkout/src/routes';
import { routeTable as main } from '../../apps/home-browse-product/src/routes';
import { createShellLookup } from './shell-for-navigation';

const lookup = createShellLookup([checkout, accounts, main]);

describe('createShellLookup', () => {
  it('should answer each route type with its app\'s shell', () => {
    assert.equal(lookup('/'), '/__shells/home-browse-product/home');
    assert.equal(lookup('/search'), '/__shells/home-browse-product/search');
    assert.equal(lookup('/mobiles/pr'), '/__shells/home-browse-product/browse');
    assert.equal(lookup('/galaxy-s24/p/itm0123456789abc'), '/__shells/home-browse-product/product');
    assert.equal(lookup('/cart'), '/__shells/checkout/cart');
    assert.equal(lookup('/checkout/address'), '/__shells/checkout/checkout-address');
    assert.equal(lookup('/checkout/confirmation/OD123456789012345678'), '/__shells/checkout/checkout-confirmation');
    assert.equal(lookup('/checkout'), '/__shells/checkout/checkout');
    assert.equal(lookup('/accounts/orders'), '/__shells/accounts/accounts');
  });

  it('should leave the server\'s own paths and unknown pages to the network', () => {
    for (const path of ['/ops/console', '/ops/api/pr', '/api/x/pr', '/static/x/pr', '/sw.js', '/no/such/page', '/__shells/x/pr']) {
      assert.equal(lookup(path), null, path);
    }
  });
});
