/**
 * Automatic pushes: a price drop or a restock of a wishlisted product (following the catalog's
 * change signal, as operators' product changes emit it), and order status changes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { notifyCatalogChanged } from '../../server/catalog/catalog-events';
import { Browser } from '../support/browser';
import { startPushTestbed, type PushTestbed } from '../support/push-setup';
import { storeKinds } from '../support/server';
import { assertOk, freshMobile, login } from './auth-client';

for (const kind of storeKinds()) {
  describe(`push triggers (${kind})`, () => {
    let bed: PushTestbed;
    let products: Array<{ id: string; price: number; mrp: number; slug: string }>;
    before(async () => {
      bed = await startPushTestbed(kind);
      const rows = await bed.server.store.db
        .selectFrom('products')
        .select(['id', 'price', 'mrp', 'slug'])
        .where('stock', '>', 0)
        .where('price', '>', 50_000)
        .where('id', 'not in', bed.server.store.db.selectFrom('product_variants').select('product_id'))
        .orderBy('id')
        .limit(6)
        .execute();
      products = rows.map((row) => ({ ...row, price: Number(row.price), mrp: Number(row.mrp) }));
    });
    after(() => bed.close());

    /** Changes products the way an operator's catalog change does, and waits for the pushes it causes. */
    async function change(productId: string, set: { price?: number; stock?: number }): Promise<void> {
      await bed.server.store.db.updateTable('products').set(set).where('id', '=', productId).execute();
      await notifyCatalogChanged(bed.server.store);
      await bed.server.shop.push.checkProducts();
    }
    async function shopperWithDevice(topics: string[]): Promise<{ browser: Browser; device: string }> {
      const browser = new Browser(bed.server.url);
      await login(bed.server, browser, freshMobile());
      const sub = bed.service.subscribe();
      assertOk(await browser.post('/api/push/subscriptions', { endpoint: sub.endpoint, keys: sub.keys, topics }), 201);
      return { browser, device: sub.id };
    }
    const pushesTo = (device: string) => bed.service.received.filter((push) => push.subscriptionId === device).map((push) => JSON.parse(push.payload!));

    it('should tell a wishlisting shopper once about a price drop, with the product\'s link and picture', async () => {
      const product = products[0]!;
      const { browser, device } = await shopperWithDevice(['price_drop']);
      const bystander = await shopperWithDevice(['price_drop']);
      assertOk(await browser.send('PUT', `/api/wishlist/items/${product.id}`), 201);
      await change(product.id, { price: product.price - 10_000 });
      await change(products[5]!.id, { price: products[5]!.price - 100 });
      const [push, ...more] = pushesTo(device);
      assert.equal(more.length, 0, 'once, however often the catalog changes');
      assert.equal(push.web_push, 8030);
      assert.match(push.notification.title, /^Price drop: now ₹/);
      assert.match(push.notification.body, /was ₹/);
      assert.equal(push.notification.navigate, `https://shop.example/${product.slug}/p/${product.id}`);
      assert.match(push.notification.image, new RegExp(`^https://shop.example/img/p/${product.id}/`));
      assert.equal(push.notification.data.productId, product.id);
      const received = bed.service.received.find((r) => r.subscriptionId === device)!;
      assert.deepEqual([received.ttl, received.urgency, received.topic], ['86400', 'normal', `pd-${product.id}`]);
      assert.equal(pushesTo(bystander.device).length, 0, 'nobody else is told');

      await change(product.id, { price: product.price });
      assert.equal(pushesTo(device).length, 1, 'a rise is no news');
      await change(product.id, { price: product.price - 5_000 });
      assert.equal(pushesTo(device).length, 2, 'a drop from the new price is');
    });

    it('should tell about a restock, and nothing while out of stock', async () => {
      const product = products[1]!;
      const { browser, device } = await shopperWithDevice(['back_in_stock', 'price_drop']);
      assertOk(await browser.send('PUT', `/api/wishlist/items/${product.id}`), 201);
      await change(product.id, { stock: 0 });
      await change(product.id, { price: product.price - 1000 });
      assert.equal(pushesTo(device).length, 0);
      await change(product.id, { stock: 12 });
      const pushes = pushesTo(device);
      assert.equal(pushes.length, 1);
      assert.equal(pushes[0].notification.title, 'Back in stock');
      assert.equal(bed.service.received.find((r) => r.subscriptionId === device)!.topic, `bs-${product.id}`);
    });

    it('should respect the device\'s topics', async () => {
      const product = products[2]!;
      const { browser, device } = await shopperWithDevice(['offers', 'order_updates']);
      assertOk(await browser.send('PUT', `/api/wishlist/items/${product.id}`), 201);
      await change(product.id, { price: product.price - 1000 });
      assert.equal(pushesTo(device).length, 0);
    });

    it('should reach a guest\'s device for its own wishlist', async () => {
      const product = products[3]!;
      const guest = new Browser(bed.server.url);
      const sub = bed.service.subscribe();
      assertOk(await guest.post('/api/push/subscriptions', { endpoint: sub.endpoint, keys: sub.keys, topics: ['price_drop'], wishlist: [product.id] }), 201);
      await change(product.id, { price: product.price - 2000 });
      assert.equal(pushesTo(sub.id).length, 1);
    });

    it('should tell the account\'s devices about order status changes', async () => {
      const { browser, device } = await shopperWithDevice(['order_updates']);
      const quiet = await shopperWithDevice(['offers']);
      const accountId = assertOk(await browser.get('/api/account/me')).account.id;
      await bed.server.shop.push.orderStatusChanged({ orderId: 'ord_123', accountId, status: 'shipped' });
      await bed.server.shop.push.orderStatusChanged({ orderId: 'ord_123', accountId, status: 'no-such-status' });
      const pushes = pushesTo(device);
      assert.equal(pushes.length, 1);
      assert.equal(pushes[0].notification.title, 'Order shipped');
      assert.equal(pushes[0].notification.navigate, 'https://shop.example/accounts/orders/ord_123');
      const received = bed.service.received.find((r) => r.subscriptionId === device)!;
      assert.deepEqual([received.urgency, received.topic, received.ttl], ['high', 'ou-ord_123', '172800']);
      assert.equal(pushesTo(quiet.device).length, 0);
    });
  });
}
