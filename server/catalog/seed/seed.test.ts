import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discountPercent } from '../../../shared/price';
import { parseImageSpec } from '../images/image-spec';
import { generateCatalog, seedCatalogIfEmpty } from './index';
import { useTempStore } from '../../store/testing/temp-store';

describe('seed', () => {
  const { categories, rows } = generateCatalog(2400);

  describe('generateCatalog()', () => {
    it('should make the asked number of products in at least 8 categories', () => {
      assert.ok(rows.length >= 2000);
      assert.ok(categories.length >= 8);
      for (const slug of ['mobiles', 'fashion', 'electronics', 'home-furniture', 'appliances', 'beauty', 'grocery', 'books']) {
        assert.ok(rows.some((r) => r.product.category_slug === slug), slug);
      }
    });

    it('should be deterministic', () => {
      assert.deepEqual(generateCatalog(2400).rows, rows);
    });

    it('should give unique ids', () => {
      assert.equal(new Set(rows.map((r) => r.product.id)).size, rows.length);
      assert.equal(new Set(rows.flatMap((r) => r.variants.map((v) => v.id))).size, rows.reduce((n, r) => n + r.variants.length, 0));
    });

    it('should price in whole rupees with price ≤ MRP and a consistent discount', () => {
      for (const { product } of rows) {
        assert.ok(Number.isSafeInteger(product.mrp) && product.mrp % 100 === 0, product.title);
        assert.ok(product.price > 0 && product.price <= product.mrp, product.title);
        assert.equal(product.discount_percent, discountPercent(product.mrp, product.price), product.title);
      }
    });

    it('should rate between 3.0 and 4.8 with counts', () => {
      for (const { product } of rows) {
        assert.ok(product.rating >= 3 && product.rating <= 4.8, String(product.rating));
        assert.ok(product.rating_count >= 10 && product.review_count <= product.rating_count);
      }
    });

    it('should give every product images, highlights, specifications and offers', () => {
      for (const { product } of rows) {
        assert.ok(parseImageSpec(product.images).shots.length >= 1);
        assert.ok((JSON.parse(product.highlights) as string[]).length >= 2);
        assert.ok((JSON.parse(product.specifications) as unknown[]).length >= 1);
        assert.ok((JSON.parse(product.offers) as unknown[]).length >= 1);
      }
    });

    it('should keep product stock the sum of its variants, with some sold out', () => {
      for (const { product, variants } of rows) {
        if (variants.length > 0) assert.equal(product.stock, variants.reduce((n, v) => n + v.stock, 0));
      }
      assert.ok(rows.some((r) => r.product.stock === 0));
      assert.ok(rows.filter((r) => r.product.stock > 0).length > rows.length * 0.8);
    });

    it('should size fashion, with every variant of a listing in the listing\'s own colour', () => {
      assert.ok(rows.some((r) => r.product.category_slug === 'fashion' && r.variants.some((v) => v.size === 'XXL')));
      assert.ok(rows.some((r) => r.product.category_slug === 'fashion' && r.variants.some((v) => v.size.startsWith('UK '))));
      for (const { product, variants } of rows) {
        assert.ok(new Set(variants.map((v) => v.color)).size <= 1, product.title);
        assert.ok(variants.every((v) => v.size !== ''), `${product.title}: variants are sizes`);
      }
      assert.ok(rows.filter((r) => r.product.category_slug === 'mobiles').every((r) => r.variants.length === 0), 'a phone listing is one colour and one memory');
    });

    it('should put the colours and memory sizes of a phone model in one family, each listing once', () => {
      const families = new Map<string, Array<(typeof rows)[number]['product']>>();
      for (const { product } of rows) {
        if (product.family_id) families.set(product.family_id, [...(families.get(product.family_id) ?? []), product]);
      }
      for (const members of families.values()) {
        const signatures = members.map((m) => m.family_attributes);
        assert.equal(new Set(signatures).size, signatures.length, `${members[0]!.title}: one listing per combination`);
        assert.equal(new Set(members.map((m) => m.category_slug)).size, 1);
      }
      const nothing = [...families.values()].find((members) => members.some((m) => m.title.startsWith('Nothing Phone (2) (')))!;
      assert.ok(nothing.length >= 3, 'Nothing Phone (2) comes in several colours and storage sizes');
      for (const member of nothing) {
        const attributes = JSON.parse(member.family_attributes) as Array<{ name: string; value: string; swatch?: string }>;
        const colour = attributes.find((a) => a.name === 'Colour')!;
        const storage = attributes.find((a) => a.name === 'Storage')!;
        // The title says exactly what the attributes say.
        assert.ok(member.title.includes(`(${colour.value}, ${storage.value})`), member.title);
        assert.match(colour.swatch ?? '', /^#[0-9a-f]{6}$/);
      }
      const phones = rows.filter((r) => r.product.category_slug === 'mobiles');
      assert.ok(phones.every((r) => r.product.family_id), 'every phone belongs to its model\'s family');
    });

    it('should spread creation dates over a year', () => {
      const times = rows.map((r) => r.product.created_at);
      assert.ok(Math.max(...times) - Math.min(...times) > 300 * 24 * 3600 * 1000);
    });
  });

  describe('seedCatalogIfEmpty()', () => {
    const temp = useTempStore('catalog-seed-');

    it('should seed an empty store, then do nothing', async () => {
      assert.deepEqual(await seedCatalogIfEmpty(temp.store, 300), { seeded: true, products: 300 });
      assert.deepEqual(await seedCatalogIfEmpty(temp.store, 300), { seeded: false, products: 300 });
      const variants = await temp.store.db.selectFrom('product_variants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.ok(Number(variants.n) > 300);
    });
  });
});
