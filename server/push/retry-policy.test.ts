import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRetryableStatus, MAX_ATTEMPTS, MAX_RETRY_DELAY_MS, retryAfterMs, retryDelayMs } from './retry-policy';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-10T10:00:00Z');
  it('should read seconds and HTTP dates, and nothing else', () => {
    assert.equal(retryAfterMs('7', now), 7000);
    assert.equal(retryAfterMs(['30'], now), 30_000);
    assert.equal(retryAfterMs('Tue, 10 Mar 2026 10:00:05 GMT', now), 5000);
    assert.equal(retryAfterMs('Tue, 10 Mar 2026 09:00:00 GMT', now), 0);
    for (const junk of [undefined, '', 'soon', '-3']) assert.equal(retryAfterMs(junk, now), null, String(junk));
  });
});

describe('retryDelayMs', () => {
  it('should honour Retry-After up to the longest wait, then give up', () => {
    assert.equal(retryDelayMs(1, 7000), 7000);
    assert.equal(retryDelayMs(1, MAX_RETRY_DELAY_MS + 1), null);
  });

  it('should back off with full jitter under doubling ceilings, for MAX_ATTEMPTS attempts', () => {
    assert.deepEqual([1, 2, 3].map((attempt) => retryDelayMs(attempt, null, () => 0)), [250, 500, 1000]);
    assert.deepEqual([1, 2, 3].map((attempt) => retryDelayMs(attempt, null, () => 1)), [500, 1000, 2000]);
    assert.equal(retryDelayMs(MAX_ATTEMPTS, null), null);
    assert.equal(retryDelayMs(MAX_ATTEMPTS, 1000), null);
  });

  it('should retry only 429 and 5xx', () => {
    assert.deepEqual([429, 500, 503, 599, 400, 404, 410, 413, 301].map(isRetryableStatus), [true, true, true, true, false, false, false, false, false]);
  });
});
