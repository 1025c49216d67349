/**
 * `POST /api/orders` is answered before Express when the request carries `Sec-Fetch-Site`
 * (server/orders/fast-order-placement.ts) and by the Express route when it carries only `Origin`.
 * Both must answer alike: the same statuses, bodies and headers, for orders and for every refusal.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { line, signedIn, variantItem, type Item, type SignedIn } from './order-client';

/** Headers whose values differ between any two answers. */
const PER_ANSWER = new Set(['date', 'location', 'content-length', 'keep-alive', 'connection']);

interface Raw {
  status: number;
  headers: Record<string, string>;
  text: string;
}

for (const kind of storeKinds()) {
  describe(`POST /api/orders before and through Express (${kind})`, () => {
    let server: TestServer;
    let shopper: SignedIn;
    let item: Item;

    before(async () => {
      server = await startServer(kind);
      shopper = await signedIn(server);
      item = await variantItem(server, 1000);
    });
    after(() => server.close());

    /** Sends the request twice: with Sec-Fetch-Site (the fast path) and with only Origin (Express). */
    async function both(headers: Record<string, string>, body: string, key: () => string | null = () => crypto.randomUUID()): Promise<[Raw, Raw]> {
      const send = async (site: Record<string, string>): Promise<Raw> => {
        const k = key();
        const res = await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: shopper.cookie, ...(k === null ? {} : { 'idempotency-key': k }), ...headers, ...site }, body });
        return { status: res.status, headers: Object.fromEntries([...res.headers].filter(([name]) => !PER_ANSWER.has(name))), text: await res.text() };
      };
      return [await send({ 'sec-fetch-site': 'same-origin' }), await send({ origin: server.url })];
    }

    const order = () => JSON.stringify({ addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(item)] });

    it('should place an order with the same status, headers and answer shape', async () => {
      const [fast, express] = await both({}, order());
      assert.equal(fast.status, 201, fast.text);
      assert.equal(express.status, 201, express.text);
      assert.deepEqual(fast.headers, express.headers);
      assert.equal(fast.headers['cache-control'], 'no-store');
      assert.ok(fast.headers['content-security-policy'], 'the security headers are there');
      const [a, b] = [JSON.parse(fast.text).order, JSON.parse(express.text).order];
      assert.notEqual(a.id, b.id);
      assert.deepEqual(Object.keys(a), Object.keys(b));
      assert.deepEqual(a.totals, b.totals);
    });

    it('should replay an answer byte for byte, whichever path placed it', async () => {
      const key = crypto.randomUUID();
      const [placed, replayed] = await both({}, order(), () => key);
      assert.equal(placed.status, 201);
      assert.equal(replayed.status, 201);
      assert.equal(replayed.headers['idempotent-replayed'], 'true');
      assert.equal(replayed.text, placed.text);
    });

    const refusals: Array<[string, Record<string, string>, () => string, (() => string | null) | undefined, number, string]> = [
      ['a body that is not JSON', {}, () => '{"addressId":', undefined, 400, 'invalid-json'],
      ['a body that breaks the schema', {}, () => JSON.stringify({ addressId: 'x', paymentMethod: 'card', lines: [] }), undefined, 400, 'bad-request'],
      ['no session', { cookie: '' }, order, undefined, 401, 'login-required'],
      ['no idempotency key', {}, order, () => null, 400, 'idempotency-key-required'],
      ['a charset the parser refuses', { 'content-type': 'application/json; charset=latin1' }, order, undefined, 415, 'unsupported-media-type'],
      ['a body over 64 kB', {}, () => JSON.stringify({ pad: 'x'.repeat(70_000) }), undefined, 413, 'payload-too-large'],
      ['a key the same shopper used for another body', {}, order, () => 'reused-key', 422, 'idempotency-key-reused'],
    ];

    for (const [what, headers, body, key, status, code] of refusals) {
      it(`should refuse ${what} alike (${status} ${code})`, async () => {
        if (code === 'idempotency-key-reused') {
          const first = await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: shopper.cookie, 'idempotency-key': 'reused-key', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ addressId: shopper.addressId, paymentMethod: 'cod', lines: [line(item, 2)] }) });
          assert.equal(first.status, 201);
        }
        const [fast, express] = await both(headers, body(), key);
        assert.equal(fast.status, status, fast.text);
        assert.equal(JSON.parse(fast.text).error.code, code, fast.text);
        assert.deepEqual(fast, express);
      });
    }

    it('should leave a cross-site request to Express, which refuses it', async () => {
      const res = await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: shopper.cookie, 'idempotency-key': crypto.randomUUID(), 'sec-fetch-site': 'cross-site' }, body: order() });
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'forbidden');
    });
  });
}
