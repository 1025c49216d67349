import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProductSummary } from '../../../../../shared/api-types';
import { moveActive, searchHref, suggestionOptions } from './suggestion-options';

const product = { id: 'itm0000000000001', slug: 'samsung-galaxy', title: 'Samsung Galaxy', brand: 'Samsung', image: { url: '/img/p/itm0000000000001/0.svg?v=1', alt: '' } } as ProductSummary;

describe('suggestionOptions', () => {
  it('lists queries, then category suggestions where they came, then products', () => {
    const options = suggestionOptions({
      query: 'sam',
      suggestions: [{ text: 'samsung' }, { text: 'samsung', category: { slug: 'mobiles', name: 'Mobiles' } }],
      products: [product],
    });
    assert.deepEqual(options.map((o) => [o.kind, o.href]), [
      ['query', '/search?q=samsung'],
      ['category', '/mobiles/pr'],
      ['product', '/samsung-galaxy/p/itm0000000000001'],
    ]);
    assert.equal(options[1]!.detail, 'in Mobiles');
  });
  it('shows a product\'s whole title, whose last words tell listings apart, and its price', () => {
    const phone = { ...product, title: 'Nothing Phone (2) (Ocean Teal, 256 GB)', price: 4499900 } as ProductSummary;
    const [option] = suggestionOptions({ query: 'nothing', suggestions: [], products: [phone] });
    assert.equal(option!.text, 'Nothing Phone (2) (Ocean Teal, 256 GB)');
    assert.equal(option!.price, '₹44,999');
  });
  it('keeps at most the given number of products', () => {
    const options = suggestionOptions({ query: 's', suggestions: [], products: [product, product, product, product] }, 2);
    assert.equal(options.length, 2);
  });
});

describe('searchHref', () => {
  it('encodes the trimmed query', () => {
    assert.equal(searchHref('  red & blue '), '/search?q=red%20%26%20blue');
  });
});

describe('moveActive', () => {
  it('enters the list from the input at either end', () => {
    assert.equal(moveActive(-1, 3, 1), 0);
    assert.equal(moveActive(-1, 3, -1), 2);
  });
  it('returns to the input past either end', () => {
    assert.equal(moveActive(2, 3, 1), -1);
    assert.equal(moveActive(0, 3, -1), -1);
  });
  it('has nowhere to go in an empty list', () => {
    assert.equal(moveActive(-1, 0, 1), -1);
  });
});
