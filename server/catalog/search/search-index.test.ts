import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from '../../store/database';
import { notifyCatalogChanged } from '../catalog-events';
import { CatalogSearch } from './search-index';
import { seedCatalogIfEmpty } from '../seed/index';

describe('CatalogSearch', () => {
  let dir: string;
  let store: Store;
  let search: CatalogSearch;
  const titleOf = async (id: string) => (await store.db.selectFrom('products').select(['title', 'brand']).where('id', '=', id).executeTakeFirstOrThrow());

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-search-'));
    store = await openStore({ dataDir: dir });
    await seedCatalogIfEmpty(store, 2400);
    search = await CatalogSearch.open(store);
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should index every product', () => {
    assert.equal(search.size, 2400);
  });

  it('should correct a typo the engine cannot forgive, and say so ("iphnoe" → "iphone")', async () => {
    const result = search.search('iphnoe', { sort: 'relevance', page: 1, pageSize: 5 });
    assert.equal(result.correctedQuery, 'iphone');
    assert.ok(result.total > 0);
    for (const id of result.ids) assert.match((await titleOf(id)).title, /iPhone/);
    assert.equal(search.search('iphone', { sort: 'relevance', page: 1, pageSize: 5 }).correctedQuery, null);
  });

  it('should filter results and count facets over every match, as a category page does', () => {
    const all = search.search('phone', { sort: 'relevance', page: 1, pageSize: 48 });
    const brand = all.facets.brand[0]!;
    const filtered = search.search('phone', { sort: 'relevance', page: 1, pageSize: 48, filters: { brands: [brand.value], price: null, rating: null, discount: null } });
    assert.equal(filtered.total, brand.count);
    // The brand facet still lists the other brands, with their counts, so a second can be added.
    assert.deepEqual(filtered.facets.brand.map((b) => [b.value, b.count]), all.facets.brand.map((b) => [b.value, b.count]));
    assert.ok(filtered.facets.brand.find((b) => b.value === brand.value)!.selected);
    const rated = search.search('phone', { sort: 'relevance', page: 1, pageSize: 48, filters: { brands: [brand.value], price: null, rating: 4, discount: null } });
    assert.equal(rated.total, filtered.facets.rating.find((r) => r.value === '4')!.count);
  });

  it('should find Samsung from the prefix "sam"', async () => {
    const { ids, total } = search.search('sam', { sort: 'relevance', page: 1, pageSize: 5 });
    assert.ok(total > 0);
    for (const id of ids) assert.equal((await titleOf(id)).brand, 'Samsung');
  });

  it('should rank the product whose title is the query first', async () => {
    const row = await store.db.selectFrom('products').select(['id', 'title']).where('category_slug', '=', 'books').orderBy('id').executeTakeFirstOrThrow();
    const { ids } = search.search(row.title, { sort: 'relevance', page: 1, pageSize: 3 });
    assert.equal(ids[0], row.id);
  });

  it('should forgive a typo in a long word', async () => {
    const { ids } = search.search('refrigerater', { sort: 'relevance', page: 1, pageSize: 3 });
    assert.match((await titleOf(ids[0]!)).title, /Refrigerator/);
  });

  it('should fall back to any word when no product has all of them', () => {
    const { total } = search.search('samsung zzzzqqq', { sort: 'relevance', page: 1, pageSize: 3 });
    assert.ok(total > 0);
  });

  it('should page and sort', async () => {
    const first = search.search('shoes', { sort: 'price_asc', page: 1, pageSize: 10 });
    const second = search.search('shoes', { sort: 'price_asc', page: 2, pageSize: 10 });
    assert.equal(first.ids.length, 10);
    assert.equal(new Set([...first.ids, ...second.ids]).size, 20);
    const prices = await Promise.all(first.ids.map(async (id) => (await store.db.selectFrom('products').select('price').where('id', '=', id).executeTakeFirstOrThrow()).price));
    assert.deepEqual(prices, prices.slice().sort((a, b) => a - b));
  });

  it('should suggest completions and "<query> in <category>"', () => {
    const { suggestions, ids } = search.suggest('sam', 4);
    assert.equal(suggestions[0]?.text, 'samsung');
    assert.ok(suggestions.some((s) => s.text === 'samsung' && s.category?.slug === 'mobiles'));
    assert.ok(suggestions.length <= 8);
    assert.equal(ids.length, 4);
  });

  it('should pick up catalog changes on refresh', async () => {
    const template = await store.db.selectFrom('products').selectAll().limit(1).executeTakeFirstOrThrow();
    await store.db.insertInto('products').values({ ...template, id: 'itm0000000000001', title: 'Zorblax Quantum Kettle', brand: 'Zorblax' }).execute();
    assert.equal(search.search('zorblax', { sort: 'relevance', page: 1, pageSize: 5 }).total, 0);
    await notifyCatalogChanged(store);
    assert.deepEqual(search.search('zorblax', { sort: 'relevance', page: 1, pageSize: 5 }).ids, ['itm0000000000001']);
  });
});
