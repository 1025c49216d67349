import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeTable as accounts } from '../../apps/accounts/src/routes';
import { routeTable as checkout } from '../../apps/checkout/src/routes';
import { routeTable as main } from '../../apps/home-browse-product/src/routes';
import { dataPreloadLink } from './data-preload';
import { compileRoutes } from '../../shared/route-matcher';

const match = compileRoutes([checkout, accounts, main]);
const link = (url: string): string | null => dataPreloadLink(match(url.split('?')[0]!)!, url);

describe('dataPreloadLink', () => {
  it('names the first data request of home, browse and product pages', () => {
    assert.equal(link('/'), '</api/catalog/home>; rel=preload; as=fetch; crossorigin');
    assert.equal(link('/mobiles/pr'), '</api/catalog/browse/mobiles?page=1&pageSize=24>; rel=preload; as=fetch; crossorigin');
    assert.equal(link('/redmi-note-13/p/itm0123456789abc'), '</api/catalog/products/itm0123456789abc>; rel=preload; as=fetch; crossorigin');
  });

  it('preloads nothing for a URL with a query, or a route type without data of its own', () => {
    assert.equal(link('/mobiles/pr?sort=price_asc'), null);
    assert.equal(link('/?utm_source=pwa'), null);
    assert.equal(link('/search'), null);
    assert.equal(link('/cart'), null);
  });

  it('re-encodes parameters the way the page does, and gives up on malformed escapes', () => {
    assert.equal(link('/caf%C3%A9/pr'), '</api/catalog/browse/caf%C3%A9?page=1&pageSize=24>; rel=preload; as=fetch; crossorigin');
    assert.equal(link('/%7Emobiles/pr'), '</api/catalog/browse/~mobiles?page=1&pageSize=24>; rel=preload; as=fetch; crossorigin');
    assert.equal(link('/%E0%A4%A/pr'), null);
  });
});
