import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APPS, APPS_IN_MATCH_ORDER, isApp } from './apps';
import { isServerPath } from './server-paths';

describe('APPS', () => {
  it('matches every app exactly once, the main app last', () => {
    assert.deepEqual([...APPS_IN_MATCH_ORDER].sort(), [...APPS].sort());
    assert.equal(APPS_IN_MATCH_ORDER.at(-1), 'home-browse-product');
  });

  it('knows its own names only', () => {
    assert.ok(isApp('checkout'));
    assert.ok(!isApp('vendors'));
    assert.ok(!isApp('toString'));
  });
});

describe('isServerPath', () => {
  it('claims the API, the payment page, assets, icons and the worker files', () => {
    for (const p of ['/api/cart', '/pay/test-gateway/pay_x', '/static/x.js', '/icons/icon-192.png', '/ops', '/sw.js', '/manifest.webmanifest', '/__shells/checkout/cart', '/healthz', '/readyz']) {
      assert.ok(isServerPath(p), p);
    }
  });

  it('leaves pages alone, including ones that merely start like a server path', () => {
    for (const p of ['/', '/cart', '/apis-and-more/pr', '/iconsets/p/x1', '/accounts/login', '/payback-offers/pr', '/healthz-gadgets/pr', '/readyz/p/x1']) assert.ok(!isServerPath(p), p);
  });
});
