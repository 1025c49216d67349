import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PRODUCTS_PER_CHANGE, meaningOf, type ChangeRow } from './change-batch';

let next = 1;
const row = (table_name: string, key: string, op: string): ChangeRow => ({ seq: next++, table_name, key, op });

describe('meaningOf', () => {
  it('is nothing for no rows', () => {
    assert.deepEqual(meaningOf([]), { kind: 'none' });
  });

  it('names each product once for price, stock and review changes', () => {
    const meaning = meaningOf([row('products', 'p1', 'price_stock'), row('product_variants', 'p2', 'price_stock'), row('products', 'p1', 'price_stock'), row('product_reviews', 'p3', 'insert')]);
    assert.deepEqual(meaning, { kind: 'products', change: { products: ['p1', 'p2', 'p3'] } });
  });

  it('is anything once a row changes text, adds or removes a product, or touches categories', () => {
    for (const other of [row('products', 'p1', 'update'), row('products', 'p9', 'insert'), row('products', 'p9', 'delete'), row('product_variants', 'p1', 'insert'), row('categories', 'books', 'update')]) {
      assert.deepEqual(meaningOf([row('products', 'p1', 'price_stock'), other]), { kind: 'all' });
    }
  });

  it('names the products whose pictures alone changed apart from those whose prices or stock did', () => {
    const meaning = meaningOf([row('products', 'p1', 'images'), row('products', 'p2', 'price_stock'), row('products', 'p1', 'images')]);
    assert.deepEqual(meaning, { kind: 'products', change: { products: ['p2'], pictures: ['p1'] } });
  });

  it('is anything for a picture-like op of another table', () => {
    assert.deepEqual(meaningOf([row('product_variants', 'p1', 'images')]), { kind: 'all' });
  });

  it('is anything when too many products changed at once', () => {
    const rows = Array.from({ length: MAX_PRODUCTS_PER_CHANGE + 1 }, (_, i) => row('products', `p${i}`, 'price_stock'));
    assert.deepEqual(meaningOf(rows), { kind: 'all' });
  });
});
