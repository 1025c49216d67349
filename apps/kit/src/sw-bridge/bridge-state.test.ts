import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBridgeStore, shouldShowInstall, shouldShowUpdate } from './bridge-state';

describe('bridge state', () => {
  it('should offer a waiting update only when no page defers it', () => {
    const store = createBridgeStore();
    assert.equal(shouldShowUpdate(store.get()), false);
    store.update({ updateReady: true, deferrals: 1 });
    assert.equal(shouldShowUpdate(store.get()), false, 'never mid-checkout');
    store.update({ deferrals: 0 });
    assert.equal(shouldShowUpdate(store.get()), true);
  });

  it('should hold the install offer back while the update prompt shows', () => {
    const store = createBridgeStore();
    store.update({ installOffer: true });
    assert.equal(shouldShowInstall(store.get()), true);
    store.update({ updateReady: true });
    assert.equal(shouldShowInstall(store.get()), false);
  });

  it('should tell subscribers of every change until they leave', () => {
    const store = createBridgeStore();
    let calls = 0;
    const leave = store.subscribe(() => calls++);
    store.update({ deferrals: 1 });
    leave();
    store.update({ deferrals: 0 });
    assert.equal(calls, 1);
  });
});
