/**
 * Operators on orders and the catalog, on each store: `POST /ops/api/orders/:orderId/status`,
 * `npm run orders -- advance`, and `PATCH /ops/api/catalog/products/:productId`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { onCatalogChanged } from '../../server/catalog/catalog-events';
import { rootDir } from '../../webpack/paths';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { assertError, assertOk } from './auth-client';
import { line, plainItem, postOrder, signedIn, stockOf, variantItem, type Item } from './order-client';

const run = promisify(execFile);

for (const kind of storeKinds()) {
  describe(`operators on orders and the catalog (${kind})`, () => {
    let server: TestServer;
    let item: Item;

    before(async () => {
      server = await startServer(kind);
      item = await plainItem(server, 100);
    });
    after(() => server.close());

    const ops = (method: string, urlPath: string, body?: unknown, headers: Record<string, string> = server.operator) =>
      fetch(server.url + urlPath, { method, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as any,
        headers: res.headers,
      }));

    async function codOrder(what: Item = item, quantity = 1) {
      const shopper = await signedIn(server);
      const { order } = assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(what, quantity)] }), 201);
      return { shopper, order };
    }

    describe('POST /ops/api/orders/:orderId/status', () => {
      it('should need the operator token', async () => {
        const { order } = await codOrder();
        assertError(await ops('POST', `/ops/api/orders/${order.id}/status`, { status: 'packed' }, {}), 401, 'operator-required');
        assertError(await ops('POST', `/ops/api/orders/${order.id}/status`, { status: 'packed' }, { authorization: 'Bearer wrong-token-wrong-token-wrong' }), 401, 'operator-required');
      });

      it('should move an order through every status with a timeline row each, and collect cash on delivery', async () => {
        const { shopper, order } = await codOrder();
        for (const status of ['packed', 'shipped', 'out_for_delivery', 'delivered']) {
          const moved = assertOk(await ops('POST', `/ops/api/orders/${order.id}/status`, { status }));
          assert.equal(moved.order.status, status);
        }
        const seen = assertOk(await shopper.browser.get(`/api/orders/${order.id}`)).order;
        assert.deepEqual(seen.timeline.map((t: any) => t.status), ['placed', 'packed', 'shipped', 'out_for_delivery', 'delivered']);
        assert.equal(seen.payment.status, 'paid');
        assert.equal(seen.canCancel, false);
        const details = assertError(await ops('POST', `/ops/api/orders/${order.id}/status`, { status: 'cancelled' }), 409, 'order-status-conflict');
        assert.deepEqual(details.allowed, []);
      });

      it('should refuse skipping a status, going back, unknown statuses and unknown orders', async () => {
        const { order } = await codOrder();
        const details = assertError(await ops('POST', `/ops/api/orders/${order.id}/status`, { status: 'shipped' }), 409, 'order-status-conflict');
        assert.deepEqual(details.allowed, ['packed', 'cancelled']);
        assertError(await ops('POST', `/ops/api/orders/${order.id}/status`, { status: 'placed' }), 409, 'order-status-conflict');
        assertError(await ops('POST', `/ops/api/orders/${order.id}/status`, { status: 'lost' }), 400, 'bad-request');
        assertError(await ops('POST', `/ops/api/orders/${order.id}/status`, {}), 400, 'bad-request');
        assertError(await ops('POST', '/ops/api/orders/OD000000000000000000/status', { status: 'packed' }), 404, 'order-not-found');
        assertError(await ops('POST', '/ops/api/orders/nope/status', { status: 'packed' }), 400, 'bad-request');
      });

      it('should cancel while packed and put the stock back; refuse to pack an unpaid gateway order', async () => {
        const stock = await stockOf(server, item);
        const { order } = await codOrder(item, 2);
        assertOk(await ops('POST', `/ops/api/orders/${order.id}/status`, { status: 'packed' }));
        const cancelled = assertOk(await ops('POST', `/ops/api/orders/${order.id}/status`, { status: 'cancelled' })).order;
        assert.equal(cancelled.timeline.at(-1).note, 'Cancelled by the shop');
        assert.equal(await stockOf(server, item), stock);
        const shopper = await signedIn(server);
        const pending = assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'test-gateway', lines: [line(item)] }), 201).order;
        assertError(await ops('POST', `/ops/api/orders/${pending.id}/status`, { status: 'packed' }), 409, 'payment-pending');
      });
    });

    describe('npm run orders', () => {
      it('should advance an order in the store named by DATA_DIR / DATABASE_URL', async () => {
        const { shopper, order } = await codOrder();
        const env = { ...process.env, DATA_DIR: server.config.dataDir, LOG_LEVEL: 'silent', ...(kind === 'postgres' ? { DATABASE_URL: server.config.databaseUrl!, DATABASE_SCHEMA: server.config.databaseSchema! } : {}) };
        const cli = [path.join(rootDir, 'node_modules/.bin/tsx'), path.join(rootDir, 'server/orders/orders-cli.ts')];
        const { stdout } = await run(cli[0]!, [cli[1]!, 'advance', order.id], { env });
        assert.match(stdout, new RegExp(`order ${order.id}: placed → packed`));
        assert.equal(assertOk(await shopper.browser.get(`/api/orders/${order.id}`)).order.status, 'packed');
        await assert.rejects(run(cli[0]!, [cli[1]!, 'advance', 'OD12'], { env }), (error: { code: number; stderr: string }) => error.code === 2 && /not an order id/.test(error.stderr));
        await assert.rejects(run(cli[0]!, [cli[1]!, 'frobnicate'], { env }), (error: { code: number; stderr: string }) => error.code === 2 && /Usage/.test(error.stderr));
      });
    });

    describe('PATCH /ops/api/catalog/products/:productId', () => {
      it('should change the price for the next summary and the catalog, never for a placed order', async () => {
        const product = await plainItem(server, 40, 1);
        const { shopper, order } = await codOrder(product);
        const newPrice = product.price - 100;
        // On PostgreSQL the order's stock change reaches the views through the change feed: let it arrive first.
        await server.shop.changes?.catchUp();
        let changes = 0;
        const stop = onCatalogChanged(server.store, () => {
          changes++;
        });
        const patched = assertOk(await ops('PATCH', `/ops/api/catalog/products/${product.productId}`, { price: newPrice }));
        assert.equal(patched.product.price, newPrice);
        assert.equal(patched.product.discountPercent, Math.floor(((product.mrp - newPrice) * 100) / product.mrp));
        const catalog = assertOk(await shopper.browser.get(`/api/catalog/products/${product.productId}`));
        assert.equal(catalog.price, newPrice);
        const summary = assertOk(await shopper.browser.post('/api/checkout/summary', { addressId: shopper.addressId, lines: [line(product)] }));
        assert.deepEqual(summary.lines[0].changed, { price: { was: product.price, now: newPrice } });
        assertError(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(product)] }), 409, 'price-changed');
        const placed = assertOk(await shopper.browser.get(`/api/orders/${order.id}`)).order;
        assert.equal(placed.lines[0].unitPrice, product.price, 'the placed order keeps its price');
        // In-memory views (the search index, the image cache) hear of it through the catalog change event.
        stop();
        assert.equal(changes, 1);
      });

      it("should restock a variant and keep the product's stock the sum of its variants'", async () => {
        const shirt = await variantItem(server, 0, 2);
        const shopper = await signedIn(server);
        assertError(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(shirt)] }), 409, 'out-of-stock');
        const patched = assertOk(await ops('PATCH', `/ops/api/catalog/products/${shirt.productId}`, { variants: [{ id: shirt.variantId, stock: 5 }] }));
        assert.equal(patched.product.variants.find((v: any) => v.id === shirt.variantId).stock, 5);
        assert.equal(patched.product.stock, patched.product.variants.reduce((sum: number, v: any) => sum + v.stock, 0));
        assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(shirt)] }), 201);
        assert.equal(await stockOf(server, shirt), 4);
      });

      it('should refuse bad changes with a reason and change nothing', async () => {
        const shirt = await variantItem(server, 3, 3);
        const before = assertOk(await (await signedIn(server)).browser.get(`/api/catalog/products/${shirt.productId}`));
        const bad: Array<[unknown, number, string]> = [
          [{}, 400, 'bad-request'],
          [{ price: -5 }, 400, 'bad-request'],
          [{ price: '100' }, 400, 'bad-request'],
          [{ price: 1.5 }, 400, 'bad-request'],
          [{ price: shirt.mrp + 100 }, 400, 'bad-request'],
          [{ stock: 4 }, 400, 'bad-request'],
          [{ variants: [{ id: 'someone-elses-v0', stock: 4 }] }, 400, 'bad-request'],
          [{ variants: [{ id: shirt.variantId, stock: -1 }] }, 400, 'bad-request'],
          [{ variants: [{ id: shirt.variantId, stock: 1e9 }] }, 400, 'bad-request'],
          [{ variants: [{ id: shirt.variantId, stock: 1 }, { id: shirt.variantId, stock: 2 }] }, 400, 'bad-request'],
          [{ colour: 'red' }, 400, 'bad-request'],
        ];
        for (const [body, status, code] of bad) assertError(await ops('PATCH', `/ops/api/catalog/products/${shirt.productId}`, body), status, code);
        assertError(await ops('PATCH', '/ops/api/catalog/products/itm0000000000000', { price: 100_00 }), 404, 'product-not-found');
        assertError(await ops('PATCH', '/ops/api/catalog/products/nope', { price: 100_00 }), 400, 'bad-request');
        assertError(await ops('PATCH', `/ops/api/catalog/products/${shirt.productId}`, { price: 100_00 }, {}), 401, 'operator-required');
        const after_ = assertOk(await (await signedIn(server)).browser.get(`/api/catalog/products/${shirt.productId}`));
        assert.deepEqual(after_, before);
      });
    });
  });
}
