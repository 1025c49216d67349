import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Variant } from '@storefront/kit';
import { chooseColor, colorsOf, imageIndexForColor, initialChoice, sizesOf, variantFor } from './variant-choice';

const v = (id: string, color: string, size: string | null, stock: number): Variant => ({ id, color, colorHex: '#000000', size, stock });
const shirt = [v('a', 'Pink', 'S', 0), v('b', 'Pink', 'M', 5), v('c', 'Green', 'S', 3), v('d', 'Green', 'M', 0), v('e', 'Blue', 'S', 0), v('f', 'Blue', 'M', 0)];

describe('colorsOf', () => {
  it('lists each colour once and marks colours with nothing in stock', () => {
    assert.deepEqual(colorsOf(shirt).map((c) => [c.color, c.inStock]), [['Pink', true], ['Green', true], ['Blue', false]]);
  });
});

describe('sizesOf', () => {
  it('marks sizes out of stock in the chosen colour', () => {
    assert.deepEqual(sizesOf(shirt, 'Green'), [{ size: 'S', inStock: true }, { size: 'M', inStock: false }]);
  });
  it('has no sizes for products without them', () => {
    assert.deepEqual(sizesOf([v('a', 'Black', null, 3)], 'Black'), []);
  });
});

describe('initialChoice', () => {
  it('opens on the first variant in stock', () => {
    assert.deepEqual(initialChoice(shirt), { color: 'Pink', size: 'M' });
  });
  it('has nothing to choose without variants', () => {
    assert.deepEqual(initialChoice([]), { color: null, size: null });
  });
});

describe('chooseColor', () => {
  it('keeps the size when the new colour has it in stock', () => {
    assert.deepEqual(chooseColor(shirt, { color: 'Green', size: 'S' }, 'Pink'), { color: 'Pink', size: 'M' });
    assert.deepEqual(chooseColor([...shirt, v('g', 'Pink', 'L', 2)], { color: 'Pink', size: 'M' }, 'Green'), { color: 'Green', size: 'S' });
  });
  it('picks the first size in stock otherwise', () => {
    assert.deepEqual(chooseColor(shirt, { color: 'Pink', size: 'M' }, 'Green'), { color: 'Green', size: 'S' });
  });
});

describe('variantFor', () => {
  it('finds the variant of a choice', () => {
    assert.equal(variantFor(shirt, { color: 'Green', size: 'S' })?.id, 'c');
    assert.equal(variantFor(shirt, { color: 'Red', size: 'S' }), null);
  });
});

describe('imageIndexForColor', () => {
  const images = [{ url: '0', alt: 'Phone (Prism Blue)' }, { url: '1', alt: 'Phone in Glacier Blue' }, { url: '2', alt: 'Phone, another view' }];
  it('finds the shot of a colour', () => {
    assert.equal(imageIndexForColor(images, 'Glacier Blue'), 1);
  });
  it('falls back to the first image', () => {
    assert.equal(imageIndexForColor(images, 'Prism Blue'), 0);
    assert.equal(imageIndexForColor(images, null), 0);
  });
});
