/** `/api/checkout/summary` and `/api/orders`: pricing, placement, idempotency, listing and cancelling, on each store. */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DELIVERY_FEE, FREE_DELIVERY_THRESHOLD } from '../../shared/price';
import { requestHash } from '../../server/http/idempotency-key';
import { IDEMPOTENCY_LEASE_MS, IDEMPOTENCY_TTL_MS } from '../../server/orders/idempotency';
import { Browser } from '../support/browser';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { assertError, assertOk } from './auth-client';
import { line, orderRows, plainItem, postOrder, signedIn, stockOf, variantItem, type Item } from './order-client';

for (const kind of storeKinds()) {
  describe(`orders (${kind})`, () => {
    let server: TestServer;
    let shirt: Item;
    let book: Item;

    before(async () => {
      server = await startServer(kind);
      shirt = await variantItem(server, 50);
      book = await plainItem(server, 50);
    });
    after(() => server.close());

    describe('POST /api/checkout/summary', () => {
      it('should need a signed-in shopper', async () => {
        assertError(await new Browser(server.url).post('/api/checkout/summary', { addressId: crypto.randomUUID() }), 401, 'login-required');
      });

      it('should price the account cart from the catalog, with totals and the delivery estimate for the address', async () => {
        const shopper = await signedIn(server, '560034');
        assertOk(await shopper.browser.post('/api/cart/items', { productId: shirt.productId, variantId: shirt.variantId, quantity: 2 }), 201);
        server.clock.advance(1); // the cart keeps lines in the order they were added
        assertOk(await shopper.browser.post('/api/cart/items', { productId: book.productId }), 201);
        const summary = assertOk(await shopper.browser.post('/api/checkout/summary', { addressId: shopper.addressId }));
        assert.deepEqual(summary.lines.map((l: any) => [l.productId, l.variantId, l.quantity, l.unitPrice, l.mrp, l.inStock]), [
          [shirt.productId, shirt.variantId, 2, shirt.price, shirt.mrp, true],
          [book.productId, '', 1, book.price, book.mrp, true],
        ]);
        assert.ok(summary.lines[0].variant.color, 'the line names its colour');
        assert.match(summary.lines[0].image.url, new RegExp(`^/img/p/${shirt.productId}/\\d+\\.svg`));
        const subtotal = shirt.price * 2 + book.price;
        const t = summary.totals;
        assert.equal(t.itemCount, 3);
        assert.equal(t.mrp, shirt.mrp * 2 + book.mrp);
        assert.equal(t.discount, t.mrp - subtotal);
        assert.equal(t.deliveryFee, subtotal >= FREE_DELIVERY_THRESHOLD ? 0 : DELIVERY_FEE);
        assert.ok(t.offers > 0, 'three units get the multi-buy offer');
        assert.equal(t.total, subtotal - t.offers + t.deliveryFee);
        assert.equal(summary.delivery.pin, '560034');
        assert.equal(summary.delivery.zone, 'local');
        assert.equal(summary.address.id, shopper.addressId);
        assert.equal(summary.changed, false);
        assert.equal(summary.canPlace, true);
      });

      it('should say which client lines changed price or no longer have the stock', async () => {
        const shopper = await signedIn(server);
        const summary = assertOk(
          await shopper.browser.post('/api/checkout/summary', {
            addressId: shopper.addressId,
            lines: [
              { ...line(shirt), unitPrice: shirt.price + 100 },
              { ...line(book, 10) },
            ],
          }),
        );
        await server.store.db.updateTable('products').set({ stock: 3 }).where('id', '=', book.productId).execute();
        const again = assertOk(await shopper.browser.post('/api/checkout/summary', { addressId: shopper.addressId, lines: [line(book, 10)] }));
        await server.store.db.updateTable('products').set({ stock: 50 }).where('id', '=', book.productId).execute();
        assert.deepEqual(summary.lines[0].changed, { price: { was: shirt.price + 100, now: shirt.price } });
        assert.equal(summary.lines[1].changed, undefined);
        assert.equal(summary.changed, true);
        assert.equal(summary.canPlace, true);
        assert.deepEqual(again.lines[0].changed, { stock: { wanted: 10, available: 3 } });
        assert.equal(again.lines[0].inStock, false);
        assert.equal(again.canPlace, false);
      });

      it("should refuse another shopper's address, an empty cart and items not in the catalog", async () => {
        const a = await signedIn(server);
        const b = await signedIn(server);
        assertError(await a.browser.post('/api/checkout/summary', { addressId: b.addressId, lines: [line(book)] }), 404, 'address-not-found');
        assertError(await a.browser.post('/api/checkout/summary', { addressId: a.addressId }), 409, 'cart-empty');
        const details = assertError(
          await a.browser.post('/api/checkout/summary', { addressId: a.addressId, lines: [{ ...line(shirt), variantId: '' }, { ...line(book), productId: 'itm0000000000000' }] }),
          400,
          'order-line-invalid',
        );
        assert.deepEqual(details.lines.map((l: any) => l.problem), ['variant-required', 'unknown-product']);
      });

      it("should refuse a variant the product does not have (another product's, none, or any on a product without variants)", async () => {
        const a = await signedIn(server);
        const other = await variantItem(server, 5, 1);
        const details = assertError(
          await a.browser.post('/api/checkout/summary', {
            addressId: a.addressId,
            lines: [{ ...line(shirt), variantId: other.variantId }, { ...line(other), variantId: 'no-such-variant' }, { ...line(book), variantId: other.variantId }],
          }),
          400,
          'order-line-invalid',
        );
        assert.deepEqual(details.lines.map((l: any) => [l.productId, l.problem]), [
          [shirt.productId, 'unknown-variant'],
          [other.productId, 'unknown-variant'],
          [book.productId, 'unknown-variant'],
        ]);
      });

      it('should price two variants of one product, each with its own stock', async () => {
        const a = await signedIn(server);
        const { db } = server.store;
        const [first, second] = await db.selectFrom('product_variants').select(['id', 'color', 'size']).where('product_id', '=', shirt.productId).orderBy('id').limit(2).execute();
        assert.ok(first && second, 'the shirt has two variants');
        await db.updateTable('product_variants').set({ stock: 7 }).where('id', '=', second.id).execute();
        const summary = assertOk(
          await a.browser.post('/api/checkout/summary', { addressId: a.addressId, lines: [{ ...line(shirt), variantId: second.id, quantity: 9 }, line(shirt, 2)] }),
        );
        assert.deepEqual(
          summary.lines.map((l: any) => [l.variantId, l.variant, l.quantity, l.inStock, l.changed?.stock ?? null]),
          [
            [second.id, { color: second.color, size: second.size === '' ? null : second.size }, 9, false, { wanted: 9, available: 7 }],
            [first.id, { color: first.color, size: first.size === '' ? null : first.size }, 2, true, null],
          ],
        );
      });
    });

    describe('POST /api/orders', () => {
      it('should place a cash-on-delivery order, take the stock and empty those cart lines', async () => {
        const shopper = await signedIn(server);
        await shopper.browser.post('/api/cart/items', { productId: book.productId, quantity: 2 });
        await shopper.browser.post('/api/cart/items', { productId: shirt.productId, variantId: shirt.variantId });
        const before = { book: await stockOf(server, book), shirt: await stockOf(server, shirt) };
        const res = await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(book, 2)] });
        const { order } = assertOk(res, 201);
        assert.match(order.id, /^OD\d{18}$/);
        assert.equal(res.headers.get('location'), `/api/orders/${order.id}`);
        assert.equal(res.headers.get('idempotent-replayed'), null);
        assert.equal(order.status, 'placed');
        assert.deepEqual(order.payment, { method: 'cod', status: 'due', amount: order.totals.total });
        assert.equal(order.lines[0].quantity, 2);
        assert.equal(order.lines[0].lineTotal, book.price * 2);
        assert.equal(order.address.pin, '560001');
        assert.equal(order.timeline.length, 1);
        assert.equal(order.timeline[0].status, 'placed');
        assert.equal(order.canCancel, true);
        assert.equal(await stockOf(server, book), before.book - 2);
        assert.equal(await stockOf(server, shirt), before.shirt, 'an item not ordered keeps its stock');
        const cart = (await shopper.browser.get('/api/cart')).body;
        assert.deepEqual(cart.lines.map((l: any) => l.product.id), [shirt.productId], 'the ordered line left the cart, the other stayed');
        assert.deepEqual(assertOk(await shopper.browser.get(`/api/orders/${order.id}`)).order, order);
      });

      it('should answer a new order as reading it back shows it, key for key, variant lines and all', async () => {
        const shopper = await signedIn(server);
        const created = assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(shirt), line(book, 2)] }), 201).order;
        const read = assertOk(await shopper.browser.get(`/api/orders/${created.id}`)).order;
        // The 201 is built from the values written, the read from the stored JSON: the same text, in the same key order.
        assert.equal(JSON.stringify(created), JSON.stringify(read));
        assert.notEqual(created.lines[0].variant, null);
        assert.equal(created.lines[1].variant, null);
      });

      it('should answer the same key and body with the same bytes, marked as a replay, and place one order', async () => {
        const shopper = await signedIn(server);
        const body = { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(book)] };
        const key = crypto.randomUUID();
        const first = await shopper.browser.send('POST', '/api/orders', body, { 'idempotency-key': key });
        const stock = await stockOf(server, book);
        const again = await fetch(`${server.url}/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: shopper.cookie, 'idempotency-key': key, 'sec-fetch-site': 'same-origin' },
          body: JSON.stringify(body),
        });
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.equal(await again.text(), JSON.stringify(first.body), 'byte for byte');
        assert.equal(await stockOf(server, book), stock, 'no second unit taken');
        const mine = await server.store.db.selectFrom('orders').select('id').where('account_id', '=', shopper.accountId).execute();
        assert.equal(mine.length, 1);
      });

      it('should refuse the same key with another body (422) and write nothing', async () => {
        const shopper = await signedIn(server);
        const key = crypto.randomUUID();
        assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(book)] }, key), 201);
        const rows = await orderRows(server);
        assertError(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(book, 2)] }, key), 422, 'idempotency-key-reused');
        assert.deepEqual(await orderRows(server), rows);
      });

      it('should answer 409 while the first request with the key is still running, and let a new request take over a dead one', async () => {
        const shopper = await signedIn(server);
        const key = crypto.randomUUID();
        const body = { addressId: shopper.addressId, paymentMethod: 'cod' as const, lines: [line(book)] };
        // The state another server is in while it works on the first request.
        await server.store.db
          .insertInto('idempotency_keys')
          .values({ account_id: shopper.accountId, key, request_hash: requestHash('POST', '/api/orders', body), state: 'running', owner: 'other-server', status_code: null, response: null, locked_at: server.clock.now, created_at: server.clock.now, expires_at: server.clock.now + IDEMPOTENCY_TTL_MS })
          .execute();
        const busy = await postOrder(shopper, body, key);
        assert.ok(assertError(busy, 409, 'idempotency-key-in-use').retryAfterSec >= 1);
        assert.equal((await orderRows(server)).orders, (await orderRows(server)).orders);
        server.clock.advance(IDEMPOTENCY_LEASE_MS + 1);
        const taken = assertOk(await postOrder(shopper, body, key), 201);
        assert.equal(taken.order.status, 'placed');
      });

      it('should place one order when the same request arrives twice at once', async () => {
        const shopper = await signedIn(server);
        const key = crypto.randomUUID();
        const body = { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(book)] };
        const answers = await Promise.all([postOrder(shopper, body, key), postOrder(shopper, body, key)]);
        const statuses = answers.map((a) => a.status).sort();
        assert.ok(statuses[0] === 201 && (statuses[1] === 201 || statuses[1] === 409), String(statuses));
        const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.order.id));
        assert.equal(ids.size, 1);
        const mine = await server.store.db.selectFrom('orders').select('id').where('account_id', '=', shopper.accountId).execute();
        assert.equal(mine.length, 1);
      });

      it('should keep keys per shopper: another shopper may use the same key', async () => {
        const a = await signedIn(server);
        const b = await signedIn(server);
        const key = 'same-key-for-both';
        const first = assertOk(await postOrder(a, { addressId: a.addressId, paymentMethod: 'cod', lines: [line(book)] }, key), 201);
        const second = await postOrder(b, { addressId: b.addressId, paymentMethod: 'cod', lines: [line(book)] }, key);
        assertOk(second, 201);
        assert.equal(second.headers.get('idempotent-replayed'), null);
        assert.notEqual(second.body.order.id, first.order.id);
      });

      it('should keep a key 24 hours, then let it place a new order', async () => {
        const shopper = await signedIn(server);
        const key = crypto.randomUUID();
        const body = { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(book)] };
        const first = assertOk(await postOrder(shopper, body, key), 201);
        server.clock.advance(IDEMPOTENCY_TTL_MS - 1000);
        assert.equal((await postOrder(shopper, body, key)).headers.get('idempotent-replayed'), 'true');
        server.clock.advance(2000);
        const later = assertOk(await postOrder(shopper, body, key), 201);
        assert.notEqual(later.order.id, first.order.id);
      });

      it('should refuse a changed price with 409 naming the lines, take nothing, and free the key for the confirmed retry', async () => {
        const shopper = await signedIn(server);
        const key = crypto.randomUUID();
        const stock = await stockOf(server, book);
        const rows = await orderRows(server);
        const stale = { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(shirt), { ...line(book), unitPrice: book.price - 100 }] };
        const details = assertError(await postOrder(shopper, stale, key), 409, 'price-changed');
        assert.deepEqual(details.lines, [{ productId: book.productId, variantId: '', was: book.price - 100, now: book.price }]);
        assert.equal(await stockOf(server, book), stock);
        assert.deepEqual(await orderRows(server), rows);
        assertOk(await postOrder(shopper, { ...stale, lines: [line(shirt), line(book)] }, key), 201);
      });

      it('should refuse an order beyond the stock with 409 naming the line, and take nothing from the other lines', async () => {
        const shopper = await signedIn(server);
        const scarce = await variantItem(server, 2, 3);
        const shirtStock = await stockOf(server, shirt);
        const rows = await orderRows(server);
        const details = assertError(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(shirt), line(scarce, 3)] }), 409, 'out-of-stock');
        assert.deepEqual(details.lines, [{ productId: scarce.productId, variantId: scarce.variantId, wanted: 3, available: 2 }]);
        assert.equal(await stockOf(server, shirt), shirtStock);
        assert.equal(await stockOf(server, scarce), 2);
        assert.deepEqual(await orderRows(server), rows);
      });
    });

    describe('telemetry', () => {
      it('should report placed and refused orders to table server', async () => {
        const shopper = await signedIn(server);
        const { order } = assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(book)] }), 201);
        assertError(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [{ ...line(book), unitPrice: 1 }] }), 409, 'price-changed');
        const query = async (filters: unknown[]) => {
          const res = await fetch(`${server.url}/foxtrot/v1/analytics`, {
            method: 'POST',
            headers: { ...server.operator, 'content-type': 'application/json' },
            body: JSON.stringify({ table: 'server', bypassCache: true, opcode: 'query', filters, limit: 10 }),
          });
          return ((await res.json()) as { documents: Array<{ data: Record<string, unknown> }> }).documents.map((d) => d.data);
        };
        // The recorder writes every second; poll, with a bound so that a broken recorder fails instead of hanging.
        const giveUp = Date.now() + 20_000;
        let placed: Array<Record<string, unknown>> = [];
        let failed: Array<Record<string, unknown>> = [];
        while (Date.now() < giveUp && (placed.length === 0 || failed.length === 0)) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          placed = await query([{ operator: 'equals', field: 'eventType', value: 'ORDER_PLACED' }, { operator: 'equals', field: 'orderId', value: order.id }]);
          failed = await query([{ operator: 'equals', field: 'eventType', value: 'ORDER_FAILED' }, { operator: 'equals', field: 'code', value: 'price-changed' }]);
        }
        assert.equal(placed.length, 1);
        assert.equal(placed[0]!.total, order.totals.total);
        assert.equal(placed[0]!.paymentMethod, 'cod');
        assert.ok(failed.length >= 1);
      });
    });

    describe('GET /api/orders', () => {
      it('should list the shopper’s orders newest first, page by page', async () => {
        const shopper = await signedIn(server);
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) {
          server.clock.advance(1000);
          ids.push(assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(book)] }), 201).order.id);
        }
        const page1 = assertOk(await shopper.browser.get('/api/orders?limit=2'));
        const page2 = assertOk(await shopper.browser.get(`/api/orders?limit=2&cursor=${page1.nextCursor}`));
        const page3 = assertOk(await shopper.browser.get(`/api/orders?limit=2&cursor=${page2.nextCursor}`));
        assert.deepEqual([...page1.orders, ...page2.orders, ...page3.orders].map((o: any) => o.id), ids.reverse());
        assert.equal(page3.nextCursor, null);
        const row = page1.orders[0];
        assert.equal(row.itemCount, 1);
        assert.equal(row.lines[0].productId, book.productId);
        assert.deepEqual(row.payment, { method: 'cod', status: 'due' });
        const other = await signedIn(server);
        assert.deepEqual(assertOk(await other.browser.get('/api/orders')), { orders: [], nextCursor: null });
        assertError(await other.browser.get(`/api/orders/${ids[0]}`), 404, 'order-not-found');
        assertError(await shopper.browser.get('/api/orders?cursor=bm9wZQ'), 400, 'bad-request');
        assertError(await shopper.browser.get('/api/orders?limit=500'), 400, 'bad-request');
        assertError(await new Browser(server.url).get('/api/orders'), 401, 'login-required');
      });
    });

    describe('POST /api/orders/:orderId/cancel', () => {
      it('should cancel a placed order, return its stock and add a timeline row; only once, and only the owner', async () => {
        const shopper = await signedIn(server);
        const stock = await stockOf(server, shirt);
        const { order } = assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(shirt, 3)] }), 201);
        assert.equal(await stockOf(server, shirt), stock - 3);
        const other = await signedIn(server);
        assertError(await other.browser.post(`/api/orders/${order.id}/cancel`), 404, 'order-not-found');
        const cancelled = assertOk(await shopper.browser.post(`/api/orders/${order.id}/cancel`)).order;
        assert.equal(cancelled.status, 'cancelled');
        assert.equal(cancelled.payment.status, 'cancelled');
        assert.equal(cancelled.canCancel, false);
        assert.deepEqual(cancelled.timeline.map((t: any) => t.status), ['placed', 'cancelled']);
        assert.equal(await stockOf(server, shirt), stock);
        assertError(await shopper.browser.post(`/api/orders/${order.id}/cancel`), 409, 'order-not-cancellable');
        assert.equal(await stockOf(server, shirt), stock, 'no second return');
      });
    });
  });
}
