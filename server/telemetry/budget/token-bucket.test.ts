import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressKey } from './ingest-budget';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('should allow a burst of its capacity, then refill at its rate', () => {
    const bucket = new TokenBucket(100, 1, 0);
    assert.equal(bucket.waitFor(100, 0), 0);
    bucket.take(100, 0);
    assert.equal(bucket.waitFor(10, 0), 10);
    assert.equal(bucket.waitFor(10, 10), 0);
    // Never more than its capacity, however long it rests; a cost above it passes only when full.
    assert.ok(bucket.isFull(1_000_000));
    assert.equal(bucket.waitFor(150, 1_000_000), 0);
    bucket.take(150, 1_000_000);
    assert.equal(bucket.waitFor(1, 1_000_000), 51);
  });
});

describe('addressKey', () => {
  it('should key IPv4 by address and IPv6 by its /64', () => {
    assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('2001:db8:0:1:aaaa::1'), '2001:db8:0:1::/64');
    assert.equal(addressKey('2001:0db8:0000:0001:ffff:1:2:3'), '2001:db8:0:1::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
  });
});
