import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeChart } from './chart-summary';

describe('describeChart()', () => {
  it('should list slices and bars with their values', () => {
    assert.equal(describeChart({ kind: 'slices', slices: [{ name: 'android', value: 6 }, { name: 'ios', value: 2 }] }), 'android 6, ios 2');
    assert.equal(describeChart({ kind: 'bars', categories: ['home', 'product'], series: [{ name: 'count', values: [5, 3] }] }), 'home 5, product 3');
  });

  it('should give each line its total and peak', () => {
    assert.equal(describeChart({ kind: 'lines', series: [{ name: 'PAGE_VIEW', points: [[0, 2], [60_000, null], [120_000, 5]] }] }), 'PAGE_VIEW: total 7, peak 5');
  });
});
