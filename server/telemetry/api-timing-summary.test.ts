import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiTimingSummary } from './api-timing-summary';

describe('ApiTimingSummary', () => {
  it('sums requests per method, route and status, with the first request as the timestamp', () => {
    const summary = new ApiTimingSummary();
    summary.add('GET', '/api/catalog/home', 200, 2, 1000);
    summary.add('GET', '/api/catalog/home', 200, 4, 1500);
    summary.add('HEAD', '/api/catalog/home', 200, 1, 1600);
    summary.add('GET', '/api/catalog/products/:itemId', 200, 3, 1700);
    const drained = summary.drain();
    const byKey = new Map(drained.map((d) => [`${d.data.method} ${d.data.route}`, d]));
    assert.equal(drained.length, 3);
    assert.deepEqual(byKey.get('GET /api/catalog/home'), {
      timestamp: 1000,
      data: { eventType: 'API_CALLS', method: 'GET', route: '/api/catalog/home', status: 200, count: 2, durationMs: 3, p50Ms: 4, p99Ms: 4, maxMs: 4 },
    });
    assert.equal(byKey.get('HEAD /api/catalog/home')!.data.count, 1);
    assert.equal(byKey.get('GET /api/catalog/products/:itemId')!.data.durationMs, 3);
  });

  it('starts over after each drain', () => {
    const summary = new ApiTimingSummary();
    summary.add('GET', '/a', 200, 1, 1);
    assert.equal(summary.drain().length, 1);
    assert.deepEqual(summary.drain(), []);
    summary.add('GET', '/a', 200, 7, 5);
    assert.deepEqual(summary.drain().map((d) => [d.timestamp, d.data.count, d.data.maxMs]), [[5, 1, 7]]);
  });

  it('gives percentiles of every request up to the sample size, and keeps counting past it', () => {
    const summary = new ApiTimingSummary(() => 0.999_999);
    // 1..1000 ms in a shuffled order: the median and the 99th percentile are exact.
    const durations = Array.from({ length: 1000 }, (_, i) => ((i * 379) % 1000) + 1);
    for (const ms of durations) summary.add('GET', '/a', 200, ms, 0);
    const [first] = summary.drain();
    assert.equal(first!.data.p50Ms, 501);
    assert.equal(first!.data.p99Ms, 991);
    assert.equal(first!.data.maxMs, 1000);
    // Past 1,024 requests the sample stays 1,024 long, the count and the slowest stay exact.
    for (let i = 0; i < 5000; i++) summary.add('GET', '/a', 200, i === 4000 ? 900 : 1, 0);
    const [second] = summary.drain();
    assert.equal(second!.data.count, 5000);
    assert.equal(second!.data.maxMs, 900);
    assert.equal(second!.data.p50Ms, 1);
  });
});
