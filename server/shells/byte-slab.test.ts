import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { takeBytes } from './byte-slab';

describe('takeBytes', () => {
  it('hands out bodies that never share bytes, across slabs', () => {
    const bodies = Array.from({ length: 200 }, (_, i) => takeBytes(1000 + i).fill(i & 0xff));
    bodies.forEach((body, i) => {
      assert.equal(body.length, 1000 + i);
      assert.ok(body.every((byte) => byte === (i & 0xff)), `body ${i} was overwritten`);
    });
  });

  it('gives large bodies memory of their own', () => {
    const big = takeBytes(100_000);
    assert.equal(big.length, 100_000);
    assert.equal(big.byteOffset, 0);
    assert.equal(big.buffer.byteLength, 100_000);
  });
});
