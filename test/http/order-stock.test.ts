/**
 * Orders racing for the last units, on each store: of N parallel orders for K < N units exactly K
 * succeed and the rest are told which line ran out; stock never goes below zero and nothing else is
 * written. Orders over two variants in opposite orders do not deadlock on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { line, plainItem, postOrder, signedIn, stockOf, variantItem, type SignedIn } from './order-client';

for (const kind of storeKinds()) {
  describe(`orders racing for stock (${kind})`, () => {
    let server: TestServer;
    let shoppers: SignedIn[];

    before(async () => {
      server = await startServer(kind);
      shoppers = await Promise.all(Array.from({ length: 24 }, () => signedIn(server)));
    });
    after(() => server.close());

    const soldOf = async (productId: string, variantId: string) => {
      const rows = await server.store.db
        .selectFrom('order_lines')
        .innerJoin('orders', 'orders.id', 'order_lines.order_id')
        .select(['order_lines.quantity'])
        .where('order_lines.product_id', '=', productId)
        .where('order_lines.variant_id', '=', variantId)
        .where('orders.status', '!=', 'cancelled')
        .execute();
      return rows.reduce((sum, row) => sum + Number(row.quantity), 0);
    };

    for (const [label, pick] of [
      ['a variant', (s: TestServer, n: number) => variantItem(s, n, 5)],
      ['a product without variants', (s: TestServer, n: number) => plainItem(s, n, 5)],
    ] as const) {
      it(`should sell exactly K of ${label} to N > K parallel buyers`, async () => {
        const K = 7;
        const item = await pick(server, K);
        const answers = await Promise.all(shoppers.map((shopper) => postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(item)] })));
        const won = answers.filter((a) => a.status === 201);
        const lost = answers.filter((a) => a.status !== 201);
        assert.equal(won.length, K);
        for (const answer of lost) {
          assert.equal(answer.status, 409, JSON.stringify(answer.body));
          assert.equal(answer.body.error.code, 'out-of-stock');
          assert.deepEqual(answer.body.error.details.lines, [{ productId: item.productId, variantId: item.variantId, wanted: 1, available: 0 }]);
        }
        assert.equal(await stockOf(server, item), 0);
        assert.equal(await soldOf(item.productId, item.variantId), K);
        if (item.variantId !== '') {
          const product = await server.store.db.selectFrom('products').select('stock').where('id', '=', item.productId).executeTakeFirstOrThrow();
          const variants = await server.store.db.selectFrom('product_variants').select((eb) => eb.fn.sum<number>('stock').as('n')).where('product_id', '=', item.productId).executeTakeFirstOrThrow();
          assert.equal(Number(product.stock), Number(variants.n), "the product's stock stays the sum of its variants'");
        }
      });
    }

    it('should never oversell multi-unit orders', async () => {
      const item = await variantItem(server, 10, 6);
      const answers = await Promise.all(shoppers.map((shopper) => postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(item, 3)] })));
      assert.equal(answers.filter((a) => a.status === 201).length, 3);
      assert.ok(answers.every((a) => a.status === 201 || a.body.error.code === 'out-of-stock'));
      assert.equal(await stockOf(server, item), 1);
    });

    it('should not deadlock orders that name the same variants in opposite orders', async () => {
      const a = await variantItem(server, 12, 7);
      const b = await variantItem(server, 12, 8);
      const answers = await Promise.all(
        shoppers.map((shopper, i) => postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: i % 2 ? [line(a), line(b)] : [line(b), line(a)] })),
      );
      assert.deepEqual([...new Set(answers.map((x) => x.status))].sort(), [201, 409]);
      assert.equal(answers.filter((x) => x.status === 201).length, 12);
      assert.equal(await stockOf(server, a), 0);
      assert.equal(await stockOf(server, b), 0);
    });
  });
}
