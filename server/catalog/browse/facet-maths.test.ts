import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_FILTERS, PRICE_BUCKETS, type BrowseFilters } from './facet-definitions';
import { computeFacets, type BrandCounts } from './facet-maths';

const zeros = (n: number) => Array.from({ length: n }, () => 0);
function row(brand: string, matching: number, price: Record<number, number> = {}, rating: number[] = [0, 0], discount: number[] = [0, 0, 0, 0]): BrandCounts {
  const prices = zeros(PRICE_BUCKETS.length);
  for (const [i, n] of Object.entries(price)) prices[Number(i)] = n;
  return { brand, all: matching, matching, price: prices, rating, discount };
}

const ROWS = [row('Apple', 2, { 6: 1, 7: 1 }, [2, 2], [2, 0, 0, 0]), row('Samsung', 5, { 3: 2, 5: 3 }, [3, 5], [5, 2, 1, 0]), row('Redmi', 4, { 2: 4 }, [1, 4], [4, 4, 0, 0])];

describe('computeFacets()', () => {
  it('should count every product when nothing is picked', () => {
    const { facets, total } = computeFacets(ROWS, NO_FILTERS);
    assert.equal(total, 11);
    assert.deepEqual(facets.brand.map((b) => [b.value, b.count]), [['Samsung', 5], ['Redmi', 4], ['Apple', 2]]);
    assert.deepEqual(facets.rating.map((r) => [r.value, r.count]), [['4', 6], ['3', 11]]);
    assert.deepEqual(facets.discount.map((d) => [d.value, d.count]), [['10', 11], ['30', 6], ['50', 1]]);
    assert.equal(facets.price.reduce((sum, p) => sum + p.count, 0), 11);
  });

  it('should leave out empty buckets', () => {
    const { facets } = computeFacets(ROWS, NO_FILTERS);
    assert.ok(facets.price.every((p) => p.count > 0));
    assert.ok(!facets.discount.some((d) => d.value === '70'));
  });

  it('should narrow the other facets to the picked brands but keep every brand listed', () => {
    const filters: BrowseFilters = { ...NO_FILTERS, brands: ['Samsung', 'Apple'] };
    const { facets, total } = computeFacets(ROWS, filters);
    assert.equal(total, 7);
    assert.deepEqual(facets.brand.map((b) => [b.value, b.count, b.selected]), [['Samsung', 5, true], ['Redmi', 4, false], ['Apple', 2, true]]);
    assert.deepEqual(facets.rating.map((r) => r.count), [5, 7]);
    assert.ok(!facets.price.some((p) => p.value === PRICE_BUCKETS[2]!.value), 'Redmi-only bucket is gone');
  });

  it('should mark the picked price bucket, rating and discount', () => {
    const bucket = PRICE_BUCKETS[3]!;
    const filters: BrowseFilters = { brands: [], price: { min: bucket.min, max: bucket.max }, rating: 4, discount: 30 };
    const { facets } = computeFacets(ROWS, filters);
    assert.equal(facets.price.find((p) => p.selected)?.value, bucket.value);
    assert.equal(facets.rating.find((r) => r.selected)?.value, '4');
    assert.equal(facets.discount.find((d) => d.selected)?.value, '30');
  });

  it('should still list a picked brand the category does not hold, so it can be unpicked', () => {
    const { facets, total } = computeFacets(ROWS, { ...NO_FILTERS, brands: ['Nokia'] });
    assert.equal(total, 0);
    assert.deepEqual(facets.brand.find((b) => b.value === 'Nokia'), { value: 'Nokia', label: 'Nokia', count: 0, selected: true });
  });

  it('should spell bucket values the way the price parameter reads them', () => {
    assert.equal(PRICE_BUCKETS[0]!.value, '0-500');
    assert.equal(PRICE_BUCKETS.at(-1)!.value, '50000-');
    assert.equal(PRICE_BUCKETS[0]!.label, 'Under ₹500');
  });
});
