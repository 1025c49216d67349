import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lockoutDelayMs } from './lockout';

describe('lockoutDelayMs', () => {
  it('should allow four failures, then double from 30 s up to a day', () => {
    assert.deepEqual([1, 2, 3, 4].map(lockoutDelayMs), [0, 0, 0, 0]);
    assert.deepEqual([5, 6, 7, 8].map(lockoutDelayMs), [30_000, 60_000, 120_000, 240_000]);
    assert.equal(lockoutDelayMs(17), 24 * 3600_000);
    assert.equal(lockoutDelayMs(1000), 24 * 3600_000);
  });

  it('should keep an attacker far below 100 tries in a day', () => {
    let elapsed = 0;
    let tries = 0;
    while (elapsed < 24 * 3600_000) elapsed += lockoutDelayMs(++tries);
    assert.ok(tries < 25, `${tries} tries`);
  });
});
