import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResultCache } from './cache';

describe('ResultCache', () => {
  it('keys by request and 30-second bucket, and expires entries by the injected clock', () => {
    let now = 1_000_000_000_000;
    const cache = new ResultCache<number>(() => now);
    const key = cache.key({ opcode: 'count' });
    cache.set(key, 1);
    assert.equal(cache.get(key), 1);
    assert.notEqual(cache.key({ opcode: 'count', table: 'x' }), key);
    now += 30_000;
    assert.notEqual(cache.key({ opcode: 'count' }), key);
    assert.equal(cache.get(key), undefined);
  });
});
