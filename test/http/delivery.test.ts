/** `GET /api/delivery/quote`: the product page's delivery date and fee, by checkout's rules, on each store. */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { estimateDelivery } from '../../server/delivery/delivery-estimate';
import { DELIVERY_FEE, FREE_DELIVERY_THRESHOLD } from '../../shared/price';
import { Browser } from '../support/browser';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { assertError, assertOk } from './auth-client';
import { line, plainItem, postOrder, signedIn, type Item } from './order-client';

for (const kind of storeKinds()) {
  describe(`/api/delivery (${kind})`, () => {
    let server: TestServer;
    let item: Item;
    const quote = (query: string) => new Browser(server.url).get(`/api/delivery/quote?${query}`);

    before(async () => {
      server = await startServer(kind);
      item = await plainItem(server, 20);
    });
    after(() => server.close());

    describe('GET /quote', () => {
      it('should answer the date checkout gives for the PIN code, and not be cached', async () => {
        const answer = await quote(`pin=600028&productId=${item.productId}`);
        assert.equal(answer.headers.get('cache-control'), 'no-store');
        const body = assertOk(answer);
        assert.equal(body.serviceable, true);
        assert.equal(body.pin, '600028');
        assert.deepEqual(body.delivery, estimateDelivery('600028', server.clock.now));
        assert.equal(body.freeDeliveryThreshold, FREE_DELIVERY_THRESHOLD);
      });

      it('should charge the fee the checkout summary charges for one unit', async () => {
        for (const price of [FREE_DELIVERY_THRESHOLD - 1_00, FREE_DELIVERY_THRESHOLD]) {
          await server.store.db.updateTable('products').set({ price, mrp: price + 100_00 }).where('id', '=', item.productId).execute();
          const body = assertOk(await quote(`pin=560001&productId=${item.productId}`));
          const shopper = await signedIn(server, '560001');
          const summary = assertOk(await shopper.browser.post('/api/checkout/summary', { addressId: shopper.addressId, lines: [line({ ...item, price })] }));
          assert.equal(body.fee, summary.totals.deliveryFee);
          assert.equal(body.fee, price >= FREE_DELIVERY_THRESHOLD ? 0 : DELIVERY_FEE);
          assert.deepEqual(body.delivery, summary.delivery);
        }
      });

      it('should follow the server clock: a day later, a later date', async () => {
        const before = assertOk(await quote(`pin=302001&productId=${item.productId}`));
        server.clock.advance(24 * 3600_000);
        const after = assertOk(await quote(`pin=302001&productId=${item.productId}`));
        assert.notEqual(after.delivery.to, before.delivery.to);
        assert.deepEqual(after.delivery, estimateDelivery('302001', server.clock.now));
      });

      it('should say a PIN code couriers do not reach is not served, and why', async () => {
        const body = assertOk(await quote(`pin=999001&productId=${item.productId}`));
        assert.equal(body.serviceable, false);
        assert.equal(body.delivery, undefined);
        assert.match(body.reason, /Army Postal Service/);
      });

      it('should refuse a malformed PIN code with a 400 that names it', async () => {
        for (const pin of ['012345', '56001', '5600011', 'abcdef', '', '56 001', '%E0%A5%AB60001']) {
          const details = assertError(await quote(`pin=${pin}&productId=${item.productId}`), 400, 'bad-request');
          assert.equal(details.problems[0].field, 'pin', pin);
        }
        const missing = assertError(await quote(`productId=${item.productId}`), 400, 'bad-request');
        assert.equal(missing.problems[0].field, 'pin');
        const twice = assertError(await quote(`pin=560001&pin=110001&productId=${item.productId}`), 400, 'bad-request');
        assert.equal(twice.problems[0].field, 'pin');
      });

      it('should refuse a bad product id and answer 404 for an unknown one', async () => {
        const details = assertError(await quote('pin=560001&productId=nope'), 400, 'bad-request');
        assert.equal(details.problems[0].field, 'productId');
        assertError(await quote(`pin=560001&productId=itm${'0'.repeat(13)}`), 404, 'product-not-found');
      });
    });

    describe('checkout to a PIN code couriers do not reach', () => {
      it('should refuse the summary and the order with pin-unserviceable', async () => {
        const shopper = await signedIn(server, '999001');
        const summary = assertError(await shopper.browser.post('/api/checkout/summary', { addressId: shopper.addressId, lines: [line(item)] }), 422, 'pin-unserviceable');
        assert.equal(summary.pin, '999001');
        assertError(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(item)] }, crypto.randomUUID()), 422, 'pin-unserviceable');
      });
    });
  });
}
