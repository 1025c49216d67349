import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ratingBreakdown, starShares } from './rating-breakdown';

describe('ratingBreakdown()', () => {
  it('should split every rating, with the mean the average', () => {
    for (const [average, count] of [[4.4, 97_790], [3.1, 512], [4.8, 12], [3.9, 1]] as const) {
      const split = ratingBreakdown(average, count);
      assert.equal(split.reduce((n, s) => n + s.count, 0), count);
      const mean = split.reduce((sum, s) => sum + s.stars * s.count, 0) / count;
      if (count >= 500) assert.ok(Math.abs(mean - average) < 0.02, `${average}: mean ${mean}`);
    }
  });

  it('should list the stars from five to one, most 5★ for a well-rated product', () => {
    const split = ratingBreakdown(4.5, 1000);
    assert.deepEqual(split.map((s) => s.stars), [5, 4, 3, 2, 1]);
    assert.ok(split[0]!.count > split[1]!.count && split[1]!.count > split[4]!.count);
    assert.ok(starShares(3.2)[2]! > starShares(3.2)[0]!, 'a 3.2 is mostly 3★');
  });
});
