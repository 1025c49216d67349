import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors/app-error';
import { parseInput } from '../../http/validate';
import { browseQuery, productListQuery, productParams, searchQuery } from './query-schemas';

function rejects(schema: Parameters<typeof parseInput>[0], input: unknown, field: string): void {
  assert.throws(
    () => parseInput(schema, input, 'query'),
    (error: unknown) => error instanceof AppError && error.code === 'bad-request' && error.message.includes(field),
    JSON.stringify(input),
  );
}

describe('catalog query schemas', () => {
  describe('browseQuery', () => {
    it('should default paging and sort and ignore unknown parameters', () => {
      assert.deepEqual(parseInput(browseQuery, { utm_source: 'x' }, 'query'), {
        page: 1, pageSize: 24, sort: 'relevance', filters: { brands: [], price: null, rating: null, discount: null },
      });
    });
    it('should read the facet filters', () => {
      const parsed = parseInput(browseQuery, { brand: 'Samsung, Apple,,Samsung', price: '500-2000', rating: '4', discount: '30', sort: 'price_asc', page: '2', pageSize: '48' }, 'query');
      assert.deepEqual(parsed.filters, { brands: ['Samsung', 'Apple'], price: { min: 500_00, max: 2000_00 }, rating: 4, discount: 30 });
      assert.equal(parsed.page, 2);
      assert.equal(parsed.pageSize, 48);
    });
    it('should read an open-ended price', () => {
      assert.deepEqual(parseInput(browseQuery, { price: '50000-' }, 'query').filters.price, { min: 50000_00, max: null });
    });
    for (const [input, field] of [
      [{ sort: 'cheapest' }, 'sort'], [{ page: '-1' }, 'page'], [{ page: 'abc' }, 'page'], [{ page: '0' }, 'page'],
      [{ pageSize: '1000' }, 'pageSize'], [{ price: 'abc' }, 'price'], [{ price: '500-100' }, 'price'], [{ price: '100-100' }, 'price'],
      [{ rating: '5' }, 'rating'], [{ discount: '100' }, 'discount'], [{ page: ['1', '2'] }, 'page'], [{ brand: 'a\u0000b' }, 'brand'],
    ] as const) {
      it(`should reject ${JSON.stringify(input)}`, () => rejects(browseQuery, input, field));
    }
  });

  describe('searchQuery', () => {
    it('should trim the query', () => {
      assert.equal(parseInput(searchQuery, { q: '  redmi  ' }, 'query').q, 'redmi');
    });
    for (const q of ['', '   ', 'x'.repeat(101), 'bad\u0007bell']) {
      it(`should reject q=${JSON.stringify(q.slice(0, 10))}`, () => rejects(searchQuery, { q }, 'q'));
    }
    it('should require q', () => rejects(searchQuery, {}, 'q'));
  });

  describe('products', () => {
    it('should accept a product id and reject anything else', () => {
      assert.equal(parseInput(productParams, { itemId: 'itm0123456789abc' }, 'query').itemId, 'itm0123456789abc');
      rejects(productParams, { itemId: 'itm0123' }, 'itemId');
      rejects(productParams, { itemId: '../etc/passwd' }, 'itemId');
    });
    it('should take at most 50 ids', () => {
      const ids = Array.from({ length: 51 }, (_, i) => `itm${String(i).padStart(13, '0')}`);
      assert.equal(parseInput(productListQuery, { ids: ids.slice(0, 50).join(',') }, 'query').ids.length, 50);
      rejects(productListQuery, { ids: ids.join(',') }, 'ids');
      rejects(productListQuery, { ids: ',,' }, 'ids');
    });
  });
});
