import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CACHE_NAMES, isStaleCache } from './cache-names';

describe('isStaleCache', () => {
  it('should keep every current cache', () => {
    for (const name of Object.values(CACHE_NAMES)) assert.equal(isStaleCache(name), false, name);
  });

  it('should drop our caches of another version or a retired kind', () => {
    assert.equal(isStaleCache('sf-products-v0'), true);
    assert.equal(isStaleCache('sf-old-thing-v1'), true);
  });

  it('should leave caches that are not ours alone', () => {
    assert.equal(isStaleCache('someone-else'), false);
    assert.equal(isStaleCache('workbox-precache-v2-http://x/'), false);
  });
});
