import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FREE_NUMBER_FAILURES, lockoutDelayMs } from './lockout';

describe('lockoutDelayMs', () => {
  it('should allow four failures, then double from 30 s up to a day', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => lockoutDelayMs(n)), [0, 0, 0, 0]);
    assert.deepEqual([5, 6, 7, 8].map((n) => lockoutDelayMs(n)), [30_000, 60_000, 120_000, 240_000]);
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

describe('lockoutDelayMs over every browser of a number', () => {
  it('should allow ten failures, then double from 30 s', () => {
    assert.equal(lockoutDelayMs(FREE_NUMBER_FAILURES, FREE_NUMBER_FAILURES), 0);
    assert.equal(lockoutDelayMs(FREE_NUMBER_FAILURES + 1, FREE_NUMBER_FAILURES), 30_000);
    assert.equal(lockoutDelayMs(FREE_NUMBER_FAILURES + 3, FREE_NUMBER_FAILURES), 120_000);
  });

  it('should keep many browsers together far below 100 guesses a day', () => {
    let elapsed = 0;
    let tries = 0;
    while (elapsed < 24 * 3600_000) elapsed += lockoutDelayMs(++tries, FREE_NUMBER_FAILURES);
    assert.ok(tries < 30, `${tries} tries`);
  });
});
