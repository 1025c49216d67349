import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slices } from './slices';

describe('slices', () => {
  it('should cut a page of 24 into six slices of 4, in order', () => {
    const page = Array.from({ length: 24 }, (_, i) => i);
    const parts = slices(page, 4);
    assert.equal(parts.length, 6);
    assert.deepEqual(parts.flat(), page);
    assert.ok(parts.every((part) => part.length === 4));
  });

  it('should leave a shorter last slice', () => {
    assert.deepEqual(slices([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  });

  it('should give no slices for an empty list', () => {
    assert.deepEqual(slices([], 4), []);
  });

  it('should refuse a size that would never end or cut nothing', () => {
    assert.throws(() => slices([1], 0), RangeError);
    assert.throws(() => slices([1], 1.5), RangeError);
  });
});
