import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isEngaged } from './install-offer';

describe('isEngaged', () => {
  it('should wait for a second visit or a viewed product', () => {
    assert.equal(isEngaged(1, 0, null), false);
    assert.equal(isEngaged(2, 0, null), true);
    assert.equal(isEngaged(1, 1, null), true);
  });

  it('should never ask again once the shopper answered', () => {
    assert.equal(isEngaged(5, 3, 'dismissed'), false);
    assert.equal(isEngaged(5, 3, 'accepted'), false);
  });
});
