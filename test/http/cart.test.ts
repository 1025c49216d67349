import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser } from '../support/browser';
import { assertError, freshMobile, login } from './auth-client';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { purgeExpiredGuestCarts } from '../../server/cart/cart-store';

const DAY = 24 * 3600_000;

for (const kind of storeKinds()) {
  describe(`/api/cart (${kind})`, () => {
    let server: TestServer;
    /** A product without variants that is in stock, and one with variants. */
    let plain: { id: string; price: number; mrp: number; stock: number };
    let varied: { id: string; variants: Array<{ id: string; stock: number; color: string }> };

    before(async () => {
      server = await startServer(kind);
      const { db } = server.store;
      const withVariants = await db.selectFrom('product_variants').select('product_id').where('stock', '>', 3).executeTakeFirstOrThrow();
      const variantRows = await db.selectFrom('product_variants').select(['id', 'stock', 'color']).where('product_id', '=', withVariants.product_id).execute();
      varied = { id: withVariants.product_id, variants: variantRows.map((v) => ({ id: v.id, stock: Number(v.stock), color: v.color })) };
      const row = await db
        .selectFrom('products')
        .select(['id', 'price', 'mrp', 'stock'])
        .where('stock', '>=', 10)
        .where('id', 'not in', db.selectFrom('product_variants').select('product_id'))
        .orderBy('price', 'asc')
        .executeTakeFirstOrThrow();
      plain = { id: row.id, price: Number(row.price), mrp: Number(row.mrp), stock: Number(row.stock) };
    });
    after(() => server.close());

    describe('GET /', () => {
      it('should answer an empty cart to a new browser and set no cookie', async () => {
        const res = await new Browser(server.url).send('GET', '/api/cart');
        assert.equal(res.status, 200);
        assert.deepEqual(res.body.lines, []);
        assert.equal(res.body.summary.total, 0);
        assert.equal(res.headers.getSetCookie().length, 0);
        assert.equal(res.headers.get('cache-control'), 'no-store');
      });
    });

    describe('POST /items', () => {
      it('should create the cart, set a secure host-only cookie and price the line', async () => {
        const browser = new Browser(server.url);
        const res = await browser.send('POST', '/api/cart/items', { productId: plain.id, quantity: 2 });
        assert.equal(res.status, 201);
        const cookie = res.headers.getSetCookie()[0] ?? '';
        assert.match(cookie, /^__Host-sf_cart=[A-Za-z0-9_-]{43};/);
        for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']) assert.ok(cookie.includes(attribute), attribute);
        assert.equal(res.body.lines.length, 1);
        assert.equal(res.body.lines[0].quantity, 2);
        assert.equal(res.body.lines[0].lineTotal, plain.price * 2);
        assert.equal(res.body.summary.mrpTotal, plain.mrp * 2);
        assert.equal(res.body.summary.itemCount, 2);
        const again = await browser.send('GET', '/api/cart');
        assert.deepEqual(again.body, res.body, 'the cart is kept on the server for this browser');
      });

      it('should merge a second add of the same item into its line', async () => {
        const browser = new Browser(server.url);
        await browser.send('POST', '/api/cart/items', { productId: plain.id });
        const res = await browser.send('POST', '/api/cart/items', { productId: plain.id, quantity: 3 });
        assert.equal(res.body.lines.length, 1);
        assert.equal(res.body.lines[0].quantity, 4);
      });

      it('should keep carts of different browsers apart', async () => {
        const a = new Browser(server.url);
        const b = new Browser(server.url);
        await a.send('POST', '/api/cart/items', { productId: plain.id });
        assert.deepEqual((await b.send('GET', '/api/cart')).body.lines, []);
      });

      it('should require a variant for products that have them, and accept one', async () => {
        const browser = new Browser(server.url);
        const missing = await browser.send('POST', '/api/cart/items', { productId: varied.id });
        assert.equal(missing.status, 400);
        assert.equal(missing.body.error.code, 'variant-required');
        const variant = varied.variants.find((v) => v.stock > 0)!;
        const ok = await browser.send('POST', '/api/cart/items', { productId: varied.id, variantId: variant.id });
        assert.equal(ok.status, 201);
        assert.equal(ok.body.lines[0].variant.id, variant.id);
        const wrong = await browser.send('POST', '/api/cart/items', { productId: varied.id, variantId: 'nope' });
        assert.equal(wrong.body.error.code, 'bad-request');
      });

      it('should hold the listing the shopper chose: its title, picture and colour, and the size picked', async () => {
        const { db } = server.store;
        // A size of a listing that comes in other colours too (other listings of its family).
        const row = await db
          .selectFrom('product_variants')
          .innerJoin('products', 'products.id', 'product_variants.product_id')
          .select(['product_variants.product_id', 'product_variants.id', 'product_variants.color', 'product_variants.size'])
          .where('product_variants.stock', '>', 0)
          .where('products.family_id', 'is not', null)
          .orderBy('product_variants.id')
          .executeTakeFirstOrThrow();
        const product = (await new Browser(server.url).send('GET', `/api/catalog/products/${row.product_id}`)).body;
        const res = await new Browser(server.url).send('POST', '/api/cart/items', { productId: row.product_id, variantId: row.id });
        const line = res.body.lines[0];
        assert.deepEqual([line.product.title, line.product.image.url], [product.title, product.image.url]);
        const colour = product.attributes.find((a: { name: string }) => a.name === 'Colour');
        assert.equal(line.variant.color, colour.value, 'the line\'s colour is the listing\'s own');
        assert.equal(line.variant.size, row.size);
      });

      it('should refuse more than the stock with out-of-stock', async () => {
        const { db } = server.store;
        const scarce = await db.selectFrom('products').select('id').where('stock', '=', 0).where('id', 'not in', db.selectFrom('product_variants').select('product_id')).executeTakeFirst();
        if (!scarce) return;
        const res = await new Browser(server.url).send('POST', '/api/cart/items', { productId: scarce.id });
        assert.equal(res.status, 409);
        assert.equal(res.body.error.code, 'out-of-stock');
      });

      it('should refuse unknown products, bad quantities and unknown fields', async () => {
        const browser = new Browser(server.url);
        const cases: Array<[unknown, number, string]> = [
          [{ productId: 'itm0000000000000' }, 404, 'product-not-found'],
          [{ productId: 'drop table' }, 400, 'bad-request'],
          [{ productId: plain.id, quantity: 0 }, 400, 'bad-request'],
          [{ productId: plain.id, quantity: 11 }, 400, 'bad-request'],
          [{ productId: plain.id, quantity: 1.5 }, 400, 'bad-request'],
          [{ productId: plain.id, quantity: '2' }, 400, 'bad-request'],
          [{ productId: plain.id, price: 1 }, 400, 'bad-request'],
          [[], 400, 'bad-request'],
          [null, 400, 'bad-request'],
        ];
        for (const [body, status, code] of cases) {
          const res = await browser.send('POST', '/api/cart/items', JSON.stringify(body));
          assert.equal(res.status, status, JSON.stringify(body));
          assert.equal(res.body.error.code, code, JSON.stringify(body));
          assert.ok(res.body.error.message.length > 10);
        }
      });
    });

    describe('POST /items with an Idempotency-Key', () => {
      const add = (browser: Browser, key: string, quantity = 1) =>
        browser.send('POST', '/api/cart/items', { productId: plain.id, quantity }, { 'Idempotency-Key': key });

      it('should add once when the same request is sent again, and say it was a replay', async () => {
        const browser = new Browser(server.url);
        const first = await add(browser, 'add-1', 2);
        assert.equal(first.status, 201);
        assert.equal(first.headers.get('idempotent-replayed'), null);
        const again = await add(browser, 'add-1', 2);
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.equal(again.body.lines[0].quantity, 2, 'the replay added nothing');
        const other = await add(browser, 'add-2', 2);
        assert.equal(other.body.lines[0].quantity, 4, 'a new key is a new change');
        assert.equal(other.headers.get('idempotent-replayed'), null);
      });

      it('should refuse a key used for another request, changing nothing', async () => {
        const browser = new Browser(server.url);
        await add(browser, 'reused', 1);
        assertError(await add(browser, 'reused', 3), 422, 'idempotency-key-reused');
        assert.equal((await browser.send('GET', '/api/cart')).body.lines[0].quantity, 1);
      });

      it('should keep keys per cart: another browser may use the same key', async () => {
        const one = new Browser(server.url);
        const two = new Browser(server.url);
        await add(one, 'shared-key', 1);
        const answer = await add(two, 'shared-key', 1);
        assert.equal(answer.headers.get('idempotent-replayed'), null);
        assert.equal(answer.body.lines[0].quantity, 1);
      });

      it('should not bind a key to a change that was refused, so a retry may succeed', async () => {
        const browser = new Browser(server.url);
        const full = await add(browser, 'fill-the-line', 10);
        assertError(await add(browser, 'one-more', 1), 400, 'bad-request');
        await browser.send('PATCH', `/api/cart/items/${full.body.lines[0].id}`, { quantity: 5 });
        const retry = await add(browser, 'one-more', 1);
        assert.equal(retry.status, 201);
        assert.equal(retry.headers.get('idempotent-replayed'), null);
        assert.equal(retry.body.lines[0].quantity, 6);
      });

      it('should forget a key after 24 hours', async () => {
        const browser = new Browser(server.url);
        await add(browser, 'day-old', 1);
        server.clock.advance(DAY + 1);
        const later = await add(browser, 'day-old', 1);
        assert.equal(later.headers.get('idempotent-replayed'), null);
        assert.equal(later.body.lines[0].quantity, 2);
      });

      it('should refuse malformed keys with a reason, adding nothing', async () => {
        const browser = new Browser(server.url);
        assertError(await add(browser, 'with space', 1), 400, 'invalid-idempotency-key');
        assertError(await add(browser, 'x'.repeat(256), 1), 400, 'invalid-idempotency-key');
        assert.deepEqual((await browser.send('GET', '/api/cart')).body.lines, []);
      });

      it('should still add once after the guest logs in and the cart is merged into the account\'s', async () => {
        const mobile = freshMobile();
        const phone = new Browser(server.url);
        await login(server, phone, mobile);
        await add(phone, 'on-the-phone', 1);
        const laptop = new Browser(server.url);
        await add(laptop, 'on-the-laptop', 1);
        await login(server, laptop, mobile);
        assert.equal((await laptop.send('GET', '/api/cart')).body.lines[0].quantity, 2, 'the guest line joined the account cart');
        const replay = await add(laptop, 'on-the-laptop', 1);
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');
        assert.equal(replay.body.lines[0].quantity, 2);
      });
    });

    describe('PATCH and DELETE /items/:lineId', () => {
      it('should change a line\'s quantity and then remove it', async () => {
        const browser = new Browser(server.url);
        const added = await browser.send('POST', '/api/cart/items', { productId: plain.id });
        const lineId = added.body.lines[0].id;
        const changed = await browser.send('PATCH', `/api/cart/items/${lineId}`, { quantity: 5 });
        assert.equal(changed.status, 200);
        assert.equal(changed.body.lines[0].quantity, 5);
        assert.equal(changed.body.summary.itemCount, 5);
        const removed = await browser.send('DELETE', `/api/cart/items/${lineId}`);
        assert.equal(removed.status, 200);
        assert.deepEqual(removed.body.lines, []);
        const again = await browser.send('DELETE', `/api/cart/items/${lineId}`);
        assert.equal(again.status, 404);
        assert.equal(again.body.error.code, 'cart-line-not-found');
      });

      it('should not let one browser change another\'s lines', async () => {
        const owner = new Browser(server.url);
        const lineId = (await owner.send('POST', '/api/cart/items', { productId: plain.id })).body.lines[0].id;
        const other = new Browser(server.url);
        await other.send('POST', '/api/cart/items', { productId: plain.id });
        const res = await other.send('PATCH', `/api/cart/items/${lineId}`, { quantity: 2 });
        assert.equal(res.status, 404);
        assert.equal((await owner.send('GET', '/api/cart')).body.lines[0].quantity, 1);
      });

      it('should refuse malformed line ids and quantities', async () => {
        const browser = new Browser(server.url);
        const lineId = (await browser.send('POST', '/api/cart/items', { productId: plain.id })).body.lines[0].id;
        assert.equal((await browser.send('PATCH', '/api/cart/items/not-a-uuid', { quantity: 2 })).status, 400);
        assert.equal((await browser.send('PATCH', `/api/cart/items/${lineId}`, { quantity: -1 })).status, 400);
        assert.equal((await browser.send('PATCH', `/api/cart/items/${lineId}`, {})).status, 400);
        assert.equal((await browser.send('PATCH', `/api/cart/items/${lineId}`, { quantity: plain.stock + 1 })).status, plain.stock + 1 > 10 ? 400 : 409);
      });
    });

    describe('guest cart expiry', () => {
      it('should forget a guest cart 30 days after its last change, and delete it', async () => {
        const { db } = server.store;
        const stale = new Browser(server.url);
        const staleCart = (await stale.send('POST', '/api/cart/items', { productId: plain.id })).body;
        assert.equal(staleCart.lines.length, 1);
        const guestCarts = async () => (await db.selectFrom('carts').select('id').where('account_id', 'is', null).execute()).map((c) => c.id);
        // This cart and the other tests' guest carts, all changed now.
        const old = await guestCarts();
        server.clock.advance(20 * DAY);
        const fresh = new Browser(server.url);
        assert.equal((await fresh.send('POST', '/api/cart/items', { productId: plain.id })).status, 201);

        server.clock.advance(10 * DAY);
        // Expired at once, even before the purge comes round…
        assert.deepEqual((await stale.send('GET', '/api/cart')).body.lines, []);
        // …and a write starts a new cart rather than reviving it.
        const revived = await stale.send('POST', '/api/cart/items', { productId: plain.id, quantity: 2 });
        assert.equal(revived.body.lines[0].quantity, 2);
        assert.equal((await fresh.send('GET', '/api/cart')).body.lines.length, 1);

        // The purge deletes the expired carts with their lines, and only them.
        const kept = (await guestCarts()).filter((id) => !old.includes(id));
        assert.equal(kept.length, 2);
        assert.equal(await purgeExpiredGuestCarts(db, server.clock.now), old.length);
        assert.deepEqual((await guestCarts()).sort(), kept.sort());
        const orphans = await db.selectFrom('cart_lines').select('id').where('cart_id', 'not in', db.selectFrom('carts').select('id')).execute();
        assert.deepEqual(orphans, []);
        assert.equal((await fresh.send('GET', '/api/cart')).body.lines.length, 1);
      });
    });

    describe('CSRF', () => {
      it('should refuse writes another site started', async () => {
        const browser = new Browser(server.url);
        const crossSite = await browser.send('POST', '/api/cart/items', { productId: plain.id }, { 'Sec-Fetch-Site': 'cross-site' });
        assert.equal(crossSite.status, 403);
        assert.equal(crossSite.body.error.code, 'forbidden');
        const foreign = await browser.send('POST', '/api/cart/items', { productId: plain.id }, { Origin: 'https://evil.example', 'Sec-Fetch-Site': '' });
        assert.equal(foreign.status, 403);
        const same = await browser.send('POST', '/api/cart/items', { productId: plain.id }, { 'Sec-Fetch-Site': 'same-origin', Origin: server.url });
        assert.equal(same.status, 201);
      });
    });
  });
}
