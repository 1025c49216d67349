import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankSimilar } from './similar-products';

describe('rankSimilar()', () => {
  const row = (id: string, price: number, brand = 'Other', rating_count = 10) => ({ id, price, brand, rating_count });

  it('should put the closest price first, by ratio', () => {
    const ranked = rankSimilar({ price: 10_000, brand: 'Samsung' }, [row('far', 30_000), row('near', 11_000), row('cheap', 7_000)]);
    assert.deepEqual(ranked.map((r) => r.id), ['near', 'cheap', 'far']);
  });

  it('should favour the same brand among near equals, then the more rated', () => {
    const ranked = rankSimilar({ price: 10_000, brand: 'Samsung' }, [row('other', 11_000), row('samsung', 11_100, 'Samsung'), row('popular', 11_000, 'Other', 500)]);
    assert.deepEqual(ranked.map((r) => r.id), ['samsung', 'popular', 'other']);
  });
});
