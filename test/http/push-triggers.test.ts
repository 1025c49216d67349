/**
 * Automatic pushes: a price drop or a restock of a wishlisted product (operators'
 * `PATCH /ops/api/catalog/products/:productId`, which emits the catalog's change signal), and
 * order status changes (an operator moving a real order along).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser } from '../support/browser';
import { startPushTestbed, type PushTestbed } from '../support/push-setup';
import { storeKinds } from '../support/server';
import { assertOk, freshMobile, login } from './auth-client';
import { line, plainItem, postOrder, signedIn } from './order-client';

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

    /** An operator's change to a product, and the pushes it causes (sent after the answer, so waited for here). */
    async function change(productId: string, patch: { price?: number; stock?: number }): Promise<void> {
      assertOk(await new Browser(bed.server.url).send('PATCH', `/ops/api/catalog/products/${productId}`, patch, bed.server.operator));
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

    it('should tell the account\'s devices once about each status change of their order, whoever made it', async () => {
      const shopper = await signedIn(bed.server);
      const sub = bed.service.subscribe();
      assertOk(await shopper.browser.post('/api/push/subscriptions', { endpoint: sub.endpoint, keys: sub.keys, topics: ['order_updates'] }), 201);
      const quiet = await shopperWithDevice(['offers']);
      const item = await plainItem(bed.server, 20, 3);
      const order = assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(item)] }), 201).order;
      await bed.server.shop.push.orders.kick();
      assert.equal(pushesTo(sub.id).length, 0, 'placing is not news: the shopper is looking at the confirmation');

      bed.server.clock.advance(1000);
      assertOk(await new Browser(bed.server.url).post(`/ops/api/orders/${order.id}/status`, { status: 'packed' }, bed.server.operator));
      await bed.server.shop.push.orders.kick();
      await bed.server.shop.push.orders.kick();
      bed.server.clock.advance(1000);
      assertOk(await shopper.browser.post(`/api/orders/${order.id}/cancel`, {}));
      await bed.server.shop.push.orders.kick();

      const pushes = pushesTo(sub.id);
      assert.deepEqual(pushes.map((p) => p.notification.title), ['Order packed', 'Order cancelled']);
      assert.equal(pushes[0].notification.navigate, `https://shop.example/accounts/orders/${order.id}`);
      const received = bed.service.received.find((r) => r.subscriptionId === sub.id)!;
      assert.equal(received.urgency, 'high');
      assert.equal(received.ttl, '172800');
      assert.match(received.topic!, /^ou-/);
      assert.equal(pushesTo(quiet.device).length, 0);
    });
  });
}
