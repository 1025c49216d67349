/**
 * Malformed and hostile requests at the checkout, order and payment endpoints, on each store: each
 * gets a 4xx with a stable code and a reason, none a 5xx, and none writes anything.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { assertOk } from './auth-client';
import { line, orderRows, plainItem, postOrder, signedIn, stockOf, variantItem, type Item, type SignedIn } from './order-client';

interface Shot {
  name: string;
  path?: string;
  method?: string;
  body?: unknown;
  /** A raw body string (sent as is). */
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  code: string;
}

for (const kind of storeKinds()) {
  describe(`bad input at checkout and orders (${kind})`, () => {
    let server: TestServer;
    let shopper: SignedIn;
    let other: SignedIn;
    let shirt: Item;
    let book: Item;
    let othersOrder: string;

    before(async () => {
      server = await startServer(kind);
      shopper = await signedIn(server);
      other = await signedIn(server);
      shirt = await variantItem(server, 20);
      book = await plainItem(server, 20);
      othersOrder = assertOk(await postOrder(other, { addressId: other.addressId, paymentMethod: 'cod', lines: [line(book)] }), 201).order.id;
    });
    after(() => server.close());

    const good = () => ({ addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(shirt), line(book)] });
    const withLine = (patch: Record<string, unknown>) => ({ ...good(), lines: [{ ...line(shirt), ...patch }] });

    const shots = (): Shot[] => [
      { name: 'no key', headers: { 'idempotency-key': '' }, body: good(), status: 400, code: 'idempotency-key-required' },
      { name: 'key too long', headers: { 'idempotency-key': 'k'.repeat(256) }, body: good(), status: 400, code: 'invalid-idempotency-key' },
      { name: 'key with spaces', headers: { 'idempotency-key': 'two words' }, body: good(), status: 400, code: 'invalid-idempotency-key' },
      { name: 'no body', body: undefined, status: 400, code: 'bad-request' },
      { name: 'not JSON', raw: '{"addressId":', status: 400, code: 'invalid-json' },
      { name: 'text/plain', raw: 'hello', headers: { 'content-type': 'text/plain' }, status: 415, code: 'unsupported-media-type' },
      { name: 'JSON null', raw: 'null', status: 400, code: 'bad-request' },
      { name: 'an array', body: [good()], status: 400, code: 'bad-request' },
      { name: 'too large', raw: JSON.stringify({ ...good(), pad: 'x'.repeat(70_000) }), status: 413, code: 'payload-too-large' },
      { name: 'unknown field', body: { ...good(), coupon: 'FREE' }, status: 400, code: 'bad-request' },
      { name: '__proto__ field', raw: `{"__proto__":{"admin":true},${JSON.stringify(good()).slice(1)}`, status: 400, code: 'bad-request' },
      { name: 'address id not a uuid', body: { ...good(), addressId: 'home' }, status: 400, code: 'bad-request' },
      { name: "another shopper's address", body: { ...good(), addressId: other.addressId }, status: 404, code: 'address-not-found' },
      { name: 'unknown payment method', body: { ...good(), paymentMethod: 'bitcoin' }, status: 400, code: 'bad-request' },
      { name: 'no lines', body: { ...good(), lines: [] }, status: 400, code: 'bad-request' },
      { name: 'lines not an array', body: { ...good(), lines: 'all' }, status: 400, code: 'bad-request' },
      { name: '51 lines', body: { ...good(), lines: Array.from({ length: 51 }, (_, i) => ({ ...line(book), productId: `itm${String(i).padStart(13, '0')}` })) }, status: 400, code: 'bad-request' },
      { name: 'the same item twice', body: { ...good(), lines: [line(book), line(book)] }, status: 400, code: 'bad-request' },
      { name: 'quantity as a string', body: withLine({ quantity: '1' }), status: 400, code: 'bad-request' },
      { name: 'fractional quantity', body: withLine({ quantity: 1.5 }), status: 400, code: 'bad-request' },
      { name: 'zero quantity', body: withLine({ quantity: 0 }), status: 400, code: 'bad-request' },
      { name: 'negative quantity', body: withLine({ quantity: -3 }), status: 400, code: 'bad-request' },
      { name: 'huge quantity', body: withLine({ quantity: 1e9 }), status: 400, code: 'bad-request' },
      { name: 'quantity beyond a double', raw: JSON.stringify(good()).replace('"quantity":1', '"quantity":1e400'), status: 400, code: 'bad-request' },
      { name: 'negative price', body: withLine({ unitPrice: -1 }), status: 400, code: 'bad-request' },
      { name: 'huge price', body: withLine({ unitPrice: 1e20 }), status: 400, code: 'bad-request' },
      { name: 'price as a string', body: withLine({ unitPrice: String(shirt.price) }), status: 400, code: 'bad-request' },
      { name: 'no price', body: withLine({ unitPrice: undefined }), status: 400, code: 'bad-request' },
      { name: 'product id malformed', body: withLine({ productId: "itm'; drop table orders;--" }), status: 400, code: 'bad-request' },
      { name: 'variant id malformed', body: withLine({ variantId: '../../etc' }), status: 400, code: 'bad-request' },
      { name: 'unknown product', body: withLine({ productId: 'itm0000000000000' }), status: 400, code: 'order-line-invalid' },
      { name: 'missing variant', body: withLine({ variantId: '' }), status: 400, code: 'order-line-invalid' },
      { name: 'variant of another product', body: withLine({ variantId: `${book.productId}-v0` }), status: 400, code: 'order-line-invalid' },
      { name: 'variant on a product without variants', body: { ...good(), lines: [{ ...line(book), variantId: `${shirt.productId}-v0` }] }, status: 400, code: 'order-line-invalid' },
      { name: 'ten units, the most a line may hold', body: withLine({ quantity: 10, variantId: shirt.variantId }), status: 201, code: '' },
      { name: 'cross-site', body: good(), headers: { 'sec-fetch-site': 'cross-site' }, status: 403, code: 'forbidden' },
      { name: 'signed out', body: good(), headers: { cookie: '' }, status: 401, code: 'login-required' },
      { name: 'summary: wrong types', path: '/api/checkout/summary', body: { addressId: shopper.addressId, lines: [{ ...line(shirt), quantity: 'two' }] }, status: 400, code: 'bad-request' },
      { name: 'summary: no address', path: '/api/checkout/summary', body: {}, status: 400, code: 'bad-request' },
      { name: "summary: another's address", path: '/api/checkout/summary', body: { addressId: other.addressId, lines: [line(book)] }, status: 404, code: 'address-not-found' },
      { name: "another shopper's order", method: 'GET', path: `/api/orders/${othersOrder}`, status: 404, code: 'order-not-found' },
      { name: "cancel another shopper's order", path: `/api/orders/${othersOrder}/cancel`, status: 404, code: 'order-not-found' },
      { name: 'order id malformed', method: 'GET', path: '/api/orders/OD%00', status: 400, code: 'bad-request' },
      { name: 'order id too long', method: 'GET', path: `/api/orders/OD${'1'.repeat(500)}`, status: 400, code: 'bad-request' },
      { name: 'list: limit not a number', method: 'GET', path: '/api/orders?limit=ten', status: 400, code: 'bad-request' },
      { name: 'list: unknown parameter', method: 'GET', path: '/api/orders?page=2', status: 400, code: 'bad-request' },
      { name: 'payment return: forged', path: `/api/orders/${othersOrder}/payment-return`, body: { payment: 'paid', sig: 'f'.repeat(64) }, status: 404, code: 'order-not-found' },
      { name: 'webhook: too large', path: '/api/payments/webhook/test-gateway', raw: 'x'.repeat(70_000), status: 413, code: 'payload-too-large' },
      { name: 'webhook: unsigned', path: '/api/payments/webhook/test-gateway', raw: 'x', headers: { 'content-type': 'text/plain' }, status: 400, code: 'webhook-signature-invalid' },
    ];

    it('should answer each with a 4xx, a stable code and a reason, and write nothing', async () => {
      // One shot must succeed: ten units is the most a line may hold, and the stock is there.
      const before = { rows: await orderRows(server), shirt: await stockOf(server, shirt), book: await stockOf(server, book) };
      let placed = 0;
      for (const shot of shots()) {
        const cookie = shot.headers?.cookie ?? shopper.cookie;
        const res = await fetch(server.url + (shot.path ?? '/api/orders'), {
          method: shot.method ?? 'POST',
          headers: {
            accept: 'application/json',
            'sec-fetch-site': 'same-origin',
            'idempotency-key': crypto.randomUUID(),
            ...(shot.raw !== undefined || shot.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...shot.headers,
            ...(cookie ? { cookie } : {}),
          },
          ...(shot.raw !== undefined ? { body: shot.raw } : shot.body !== undefined ? { body: JSON.stringify(shot.body) } : {}),
        });
        const body = (await res.json()) as any;
        assert.equal(res.status, shot.status, `${shot.name}: ${JSON.stringify(body)}`);
        if (shot.status === 201) {
          placed++;
          continue;
        }
        assert.equal(body.error.code, shot.code, shot.name);
        assert.ok(typeof body.error.message === 'string' && body.error.message.length > 10, shot.name);
      }
      assert.equal(placed, 1);
      const afterRows = await orderRows(server);
      assert.deepEqual(afterRows, { ...before.rows, orders: before.rows.orders + 1, keys: before.rows.keys + 1 });
      assert.equal(await stockOf(server, shirt), before.shirt - 10);
      assert.equal(await stockOf(server, book), before.book);
    });

    it('should name the bad field', async () => {
      const res = await postOrder(shopper, withLine({ quantity: 1e9 }));
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error.details.problems, [{ field: 'lines.0.quantity', problem: 'must be at most 10' }]);
      assert.match(res.body.error.message, /lines\.0\.quantity: must be at most 10/);
    });
  });
}
