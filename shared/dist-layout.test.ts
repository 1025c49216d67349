import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distLayout, STATIC_ASSET_PATH } from './dist-layout';

describe('distLayout', () => {
  it('puts each app build under apps/<app>/<build> with its pointer beside it', () => {
    assert.equal(distLayout.appDir('/d', 'checkout', 'abc'), '/d/apps/checkout/abc');
    assert.equal(distLayout.appPointer('/d', 'checkout'), '/d/apps/checkout/current.json');
  });

  it('keeps the worker, the console and the vendors bundle in folders of their own', () => {
    assert.equal(distLayout.workerFile('/d', 'f00'), '/d/sw/f00/sw.js');
    assert.equal(distLayout.consolePointer('/d'), '/d/ops-console/current.json');
    assert.equal(distLayout.vendorsDir('/d', 'beef'), '/d/vendors/beef');
  });
});

describe('STATIC_ASSET_PATH', () => {
  it('admits hashed client files only', () => {
    assert.ok(STATIC_ASSET_PATH.test('/vendors/0a1b/vendors.0a1b.js'));
    assert.ok(STATIC_ASSET_PATH.test('/apps/checkout/0a1b/client/checkout.0a1b.js'));
    assert.ok(!STATIC_ASSET_PATH.test('/apps/checkout/0a1b/shells/cart.hbs'));
    assert.ok(!STATIC_ASSET_PATH.test('/apps/checkout/current.json'));
    assert.ok(!STATIC_ASSET_PATH.test('/vendors/../secrets/key'));
  });
});
