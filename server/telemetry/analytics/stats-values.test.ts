import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fractions } from './stats-values';

test('percentile fractions are the doubles nearest to p / 100 in decimal', () => {
  assert.deepEqual(fractions({ percentiles: [0, 1, 50, 99, 99.9, 33.3, 100] }), [0, 0.01, 0.5, 0.99, 0.999, 0.333, 1]);
  assert.notEqual(99.9 / 100, 0.999, 'plain division would be one bit off');
  assert.deepEqual(fractions({ percentiles: [1e-7, 5e-7] }), [1e-9, 5e-9]);
});
