import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CACHE_NAMES } from '../cache-names';
import { clearShopperCaches, SHOPPER_CACHES } from './shopper-data';

describe('clearShopperCaches', () => {
  it('should delete every runtime cache and keep the precache', async () => {
    const present = new Set<string>(Object.values(CACHE_NAMES));
    const deleted = await clearShopperCaches({ delete: async (name: string) => present.delete(name) });
    assert.deepEqual([...present], [CACHE_NAMES.precache]);
    assert.deepEqual(deleted.sort(), [...SHOPPER_CACHES].sort());
    assert.ok(SHOPPER_CACHES.includes(CACHE_NAMES.searches) && SHOPPER_CACHES.includes(CACHE_NAMES.products));
  });
});
