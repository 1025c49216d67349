import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { PlaceOrderRequest } from '../../shared/api-types';
import { line, orderRows, stockOf, variantItem, plainItem, type Item } from './order-client';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { createShoppers, type Shopper } from '../support/shoppers';
import type { ServerDeps } from '../../server/deps';
import { AppError } from '../../server/errors/app-error';
import { createLogger } from '../../server/http/logger';
import { OrderPlacer, type Placement, type PlacementInput } from '../../server/orders/order-placement';

/** OrderPlacer with orders placed together: refusals and idempotent replays inside one group commit, on each store. */
// Calls made in one turn of the event loop: on SQLite they share one group commit (store/write-batcher.ts).
for (const kind of storeKinds()) {
  describe(`OrderPlacer: orders placed together (${kind})`, () => {
    let server: TestServer;
    let placer: OrderPlacer;
    let shirt: Item;
    let book: Item;
    let shoppers: Shopper[];

    before(async () => {
      server = await startServer(kind, { seedProducts: 60 });
      const deps: ServerDeps = { config: server.config, store: server.store, logger: createLogger('silent'), now: () => server.clock.now, limits: server.shop.limits };
      placer = new OrderPlacer(deps);
      shirt = await variantItem(server, 5);
      book = await plainItem(server, 5);
      shoppers = await createShoppers(server.store.db, 8, { now: server.clock.now, secureCookies: server.config.secureCookies });
    });
    after(() => server.close());

    const cod = (shopper: Shopper, lines: PlaceOrderRequest['lines']): PlaceOrderRequest => ({ addressId: shopper.addressId, paymentMethod: 'cod', lines });
    const input = (shopper: Shopper, request: PlaceOrderRequest, key: string = crypto.randomUUID()): PlacementInput => ({ accountId: shopper.accountId, key, request, provider: undefined });
    const outcome = (settled: PromiseSettledResult<Placement>) =>
      settled.status === 'fulfilled' ? settled.value.kind : settled.reason instanceof AppError ? settled.reason.code : String(settled.reason);

    it('should place the good orders of a batch and refuse only the bad ones, each with its own answer', async () => {
      const [a, b, c, d, e, f] = shoppers as [Shopper, Shopper, Shopper, Shopper, Shopper, Shopper];
      const rowsBefore = await orderRows(server);
      const settled = await Promise.allSettled([
        placer.place(input(a, cod(a, [line(shirt, 2)]))),
        placer.place(input(b, cod(b, [line(shirt, 9)]))), // beyond the stock
        placer.place(input(c, cod(c, [{ ...line(book), unitPrice: book.price + 100 }]))), // an old price
        placer.place(input(d, cod(d, [line(book, 3)]))),
        placer.place(input(e, cod(a, [line(book)]))), // another shopper's address
        placer.place(input(f, cod(f, [line(shirt, 3), line(book, 2)]))),
      ]);
      assert.deepEqual(settled.map(outcome), ['placed', 'out-of-stock', 'price-changed', 'placed', 'address-not-found', 'placed']);
      assert.equal(await stockOf(server, shirt), 0);
      assert.equal(await stockOf(server, book), 0);
      const rows = await orderRows(server);
      // A refusal writes nothing, and binds no key.
      assert.equal(rows.orders - rowsBefore.orders, 3);
      assert.equal(rows.keys - rowsBefore.keys, 3);
      for (const result of settled) {
        if (result.status === 'fulfilled' && result.value.kind === 'placed') assert.deepEqual(JSON.parse(result.value.body), { order: result.value.order });
      }
    });

    it('should answer the same key and body twice in one batch with one order and the same bytes', async () => {
      const shopper = shoppers[6]!;
      await server.store.db.updateTable('products').set({ stock: 10 }).where('id', '=', book.productId).execute();
      const key = crypto.randomUUID();
      const request = cod(shopper, [line(book)]);
      const settled = await Promise.allSettled([placer.place(input(shopper, request, key)), placer.place(input(shopper, request, key)), placer.place(input(shopper, { ...request, lines: [line(book, 2)] }, key))]);
      const outcomes = settled.map(outcome);
      if (kind === 'sqlite') {
        // One writer, first come first served: the second runs after the first in the same transaction and replays its answer.
        assert.deepEqual(outcomes, ['placed', 'replay', 'idempotency-key-reused']);
        const [placed, replay] = settled.map((r) => (r as PromiseFulfilledResult<Placement>).value) as [Placement, Placement];
        assert.ok(replay.kind === 'replay');
        assert.equal(replay.status, 201);
        assert.equal(replay.body, placed.body);
      } else {
        // Separate transactions race for the key: one places, the others see it running, answered, or bound to another body.
        assert.equal(outcomes.filter((o) => o === 'placed').length, 1, String(outcomes));
        for (const o of outcomes) assert.ok(['placed', 'replay', 'idempotency-key-in-use', 'idempotency-key-reused'].includes(o), o);
      }
      const mine = await server.store.db.selectFrom('orders').select('id').where('account_id', '=', shopper.accountId).execute();
      assert.equal(mine.length, 1);
      const units = Number((await server.store.db.selectFrom('order_lines').select('quantity').where('order_id', '=', mine[0]!.id).executeTakeFirstOrThrow()).quantity);
      assert.equal(await stockOf(server, book), 10 - units);
    });

    it('should let a key refused in a batch place the corrected order later', async () => {
      const shopper = shoppers[7]!;
      await server.store.db.updateTable('products').set({ stock: 9 }).where('id', '=', book.productId).execute();
      const key = crypto.randomUUID();
      const [refused] = await Promise.allSettled([placer.place(input(shopper, cod(shopper, [line(book, 10)]), key))]);
      assert.equal(outcome(refused!), 'out-of-stock');
      const placed = await placer.place(input(shopper, cod(shopper, [line(book)]), key));
      assert.equal(placed.kind, 'placed');
    });
  });
}
