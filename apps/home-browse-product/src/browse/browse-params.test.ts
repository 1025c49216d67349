import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataPath } from '../../../../shared/route-table';
import { routeTable } from '../routes';
import { activeFilterCount, appliedFilters, browseApiPath, clearFilters, NO_SELECTION, readSelection, searchApiPath, searchPagePath, selectionToParams, toggleBrand } from './browse-params';
import { BROWSE_PAGE_SIZE } from './page-size';

const read = (query: string) => readSelection(new URLSearchParams(query));

describe('readSelection', () => {
  it('reads an empty URL as no selection', () => {
    assert.deepEqual(read(''), NO_SELECTION);
  });
  it('reads sort and every facet', () => {
    assert.deepEqual(read('sort=price_asc&brand=Samsung,Apple&price=10000-20000&rating=4&discount=30'), {
      sort: 'price_asc',
      brands: ['Samsung', 'Apple'],
      price: '10000-20000',
      rating: '4',
      discount: '30',
    });
  });
  it('accepts an open-ended price range', () => {
    assert.equal(read('price=50000-').price, '50000-');
  });
  it('drops values the API would refuse', () => {
    assert.deepEqual(read('sort=cheapest&price=cheap&rating=5&discount=0&brand=,,'), NO_SELECTION);
  });
  it('removes repeated brands', () => {
    assert.deepEqual(read('brand=Apple,Apple, Samsung').brands, ['Apple', 'Samsung']);
  });
  it('ignores the page, which is never part of the selection', () => {
    assert.deepEqual(read('page=3'), NO_SELECTION);
  });
});

describe('selectionToParams', () => {
  it('leaves defaults out', () => {
    assert.equal(selectionToParams(NO_SELECTION).toString(), '');
  });
  it('round-trips through the URL', () => {
    const selection = { sort: 'rating', brands: ['Apple', 'Mi & Co'], price: '500-', rating: '3', discount: '10' } as const;
    const back = readSelection(new URLSearchParams(selectionToParams({ ...selection, brands: [...selection.brands] }).toString()));
    assert.deepEqual(back, { ...selection, brands: [...selection.brands] });
  });
  it('joins brands with commas, as the API expects', () => {
    assert.equal(selectionToParams({ ...NO_SELECTION, brands: ['A', 'B'] }).get('brand'), 'A,B');
  });
});

describe('filter editing', () => {
  it('toggles a brand on and off', () => {
    const on = toggleBrand(NO_SELECTION, 'Apple');
    assert.deepEqual(on.brands, ['Apple']);
    assert.deepEqual(toggleBrand(on, 'Apple').brands, []);
  });
  it('counts each brand and each other facet', () => {
    assert.equal(activeFilterCount({ ...NO_SELECTION, brands: ['A', 'B'], rating: '4' }), 3);
  });
  it('clears filters but keeps the sort', () => {
    assert.deepEqual(clearFilters({ sort: 'newest', brands: ['A'], price: '1-2', rating: '4', discount: '10' }), { ...NO_SELECTION, sort: 'newest' });
  });
});

describe('browseApiPath', () => {
  it('adds the page and page size to the filters', () => {
    assert.equal(browseApiPath('mobiles', { ...NO_SELECTION, brands: ['Apple'] }, 2, 24), 'catalog/browse/mobiles?brand=Apple&page=2&pageSize=24');
  });
});

describe('the browse route\'s preloaded data', () => {
  it('is exactly the path the page asks for first when the URL has no query', () => {
    const template = routeTable.routes.find((r) => r.shell === 'browse')!.data;
    for (const slug of ['mobiles', 'home-furniture', 'odd slug/?']) {
      assert.equal(dataPath(template, { slug }), browseApiPath(slug, readSelection(new URLSearchParams('')), 1, BROWSE_PAGE_SIZE));
    }
  });
});

describe('search paths', () => {
  it('put the query first and keep the filters', () => {
    const selection = { ...NO_SELECTION, brands: ['Apple'], rating: '4' };
    assert.equal(searchPagePath('iphone 15', selection), '/search?q=iphone+15&brand=Apple&rating=4');
    assert.equal(searchApiPath('iphone', selection, 2, 24), 'catalog/search?brand=Apple&rating=4&q=iphone&page=2&pageSize=24');
    assert.equal(searchPagePath('', { ...NO_SELECTION, discount: '30' }), '/search?discount=30');
  });
});

describe('appliedFilters', () => {
  it('gives one removable chip per filter, labelled as the facets label it', () => {
    const selection = { ...NO_SELECTION, sort: 'rating' as const, brands: ['Apple', 'Samsung'], price: '500-1000', discount: '30' };
    const facets = { brand: [], rating: [], discount: [], price: [{ value: '500-1000', label: '₹500 – ₹1,000', count: 3, selected: true }] };
    const chips = appliedFilters(selection, facets);
    assert.deepEqual(chips.map((c) => c.label), ['Apple', 'Samsung', '₹500 – ₹1,000', '30% or more']);
    assert.deepEqual(chips[0]!.without, { ...selection, brands: ['Samsung'] });
    assert.deepEqual(chips[2]!.without, { ...selection, price: null });
  });
});
