import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProductImage } from './api-types';
import { firstVisibleImages } from './first-visible-images';

const photo = (n: number): ProductImage => ({ url: `/img/v1/${'a'.repeat(23)}${n}/200.webp`, alt: `p${n}`, photo: { key: `${'a'.repeat(23)}${n}`, width: 1200, height: 1200, widths: [200, 400], placeholder: 'data:image/webp;base64,AA' } });
const summary = (n: number) => ({ id: `p${n}`, image: photo(n) });

describe('firstVisibleImages()', () => {
  it('should take the first two rows of a browse or search answer, the first at high priority', () => {
    const items = firstVisibleImages({ products: [1, 2, 3, 4, 5, 6].map(summary), total: 6 });
    assert.deepEqual(items.map((i) => [i.image.alt, i.use, i.high]), [['p1', 'card', true], ['p2', 'card', false], ['p3', 'card', false], ['p4', 'card', false]]);
  });
  it('should take the first deals of the home page', () => {
    assert.deepEqual(firstVisibleImages({ deals: [1, 2, 3, 4].map(summary), topRated: [], categories: [] }).map((i) => i.image.alt), ['p1', 'p2', 'p3']);
  });
  it('should take the first gallery picture of a product', () => {
    assert.deepEqual(firstVisibleImages({ images: [photo(1), photo(2)], variants: [] }), [{ image: photo(1), use: 'gallery', high: true }]);
  });
  it('should find nothing in other answers', () => {
    for (const data of [null, 'x', 42, { lines: [] }, { products: 'no' }]) assert.deepEqual(firstVisibleImages(data), []);
  });
});
