/**
 * Names that are special on JavaScript objects, posted as telemetry values and used as field names,
 * group keys, stats, periods and request names through every analytics opcode and FQL: no answer
 * is a 500, nothing is written onto `Object.prototype`, and logins, guest carts and the operators'
 * console still set their cookies afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { Browser } from '../support/browser';
import { assertOk, freshMobile, login } from './auth-client';

const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const OPCODES = ['query', 'count', 'distinct', 'group', 'histogram', 'trend', 'stats', 'statstrend', 'multi_query', 'multi_time_query'];

/** Every request an attacker could shape around one dangerous name. */
function requestsFor(key: string): Record<string, unknown>[] {
  const table = 'storefront';
  const last = { operator: 'last', duration: '1h' };
  const onKey = [{ operator: 'equals', field: 'eventType', value: key }, last];
  const base = [
    { opcode: 'query', table, filters: onKey },
    { opcode: 'query', table, sort: { field: key, order: 'asc' } },
    { opcode: 'count', table, field: key, distinct: true },
    { opcode: 'distinct', table, nesting: ['eventType', key] },
    { opcode: 'group', table, nesting: ['eventType', 'priority'] },
    { opcode: 'group', table, nesting: ['eventType', 'second', 'third'] },
    { opcode: 'group', table, nesting: [key, 'eventType'] },
    { opcode: 'group', table, nesting: ['eventType'], aggregationField: key, aggregationType: key },
    { opcode: 'histogram', table, field: key, period: key },
    { opcode: 'trend', table, field: 'eventType', values: [key, 'other'] },
    { opcode: 'trend', table, field: 'eventType' },
    { opcode: 'trend', table, field: key, period: 'hours' },
    { opcode: 'stats', table, field: 'n', nesting: ['eventType', 'second'] },
    { opcode: 'stats', table, field: 'n', stats: [key] },
    { opcode: 'stats', table, field: key, percentiles: [50] },
    { opcode: 'statstrend', table, field: 'n', nesting: ['eventType'], period: 'hours' },
    { opcode: 'statstrend', table, field: 'n', period: key },
    { opcode: 'multi_query', requests: { [key]: { opcode: 'count', table }, other: { opcode: 'group', table, nesting: ['eventType', 'priority'] } } },
    { opcode: 'multi_time_query', actionRequest: { opcode: 'group', table, nesting: ['eventType', 'priority'], filters: [last] }, sampleSize: 2, skipDuration: '1h' },
    { opcode: key, table },
    { opcode: 'count', table, filters: [{ operator: key, field: 'eventType', value: key }] },
    // Objects whose `toString` is no function: turning them into text must not throw.
    { opcode: { [key]: '' }, table },
    { opcode: 'count', table, field: { [key]: '' } },
    { opcode: 'group', table, nesting: ['eventType'], aggregationType: { [key]: '' } },
    { opcode: 'query', table, sort: { field: 'eventType', order: { [key]: '' } } },
    { opcode: 'distinct', table, nesting: [{ field: 'eventType', order: { [key]: '' } }, null] },
    { opcode: 'trend', table, field: 'eventType', values: [{ [key]: '' }] },
    { opcode: 'count', table, filters: [{ operator: { [key]: '' }, field: 'eventType' }] },
    { opcode: 'count', table, filters: [{ operator: 'in', field: 'eventType', values: [{ [key]: '' }] }] },
    { opcode: 'count', table, filters: [{ operator: 'between', field: 'eventType', from: { [key]: '' }, to: 'z' }] },
    { opcode: 'count', table, filters: [{ operator: 'last', duration: { [key]: '' } }] },
  ];
  return base;
}

/** FQL statements around one dangerous name. */
function statementsFor(key: string): string[] {
  return [
    `select * from storefront where eventType = '${key}'`,
    `select eventType, priority, count(*) from storefront group by eventType, priority`,
    `select eventType, second, count(*) from storefront where eventType = '${key}' group by eventType, second order by count desc`,
    `select \`${key}\` from storefront`,
    `select eventType, \`${key}\` from storefront group by eventType, \`${key}\``,
    `select trend(eventType) from storefront`,
    `select statstrend(n, 'hours') from storefront`,
    `select stats(n) from storefront where \`${key}\` is not null`,
    `select distinct eventType, second from storefront`,
    `desc storefront`,
  ];
}

for (const kind of storeKinds()) {
  describe(`prototype pollution through telemetry (${kind})`, () => {
    let server: TestServer;
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

    before(async () => {
      server = await startServer(kind, { seedProducts: 30, env: { AUTH_IP_SENDS_PER_HOUR: '100000' } });
      const now = server.clock.now;
      // Documents whose values and field names are the dangerous names: anyone may post them.
      const docs = DANGEROUS.flatMap((key, i) => [
        { id: `p${i}a`, timestamp: now - 60_000, data: { eventType: key, priority: 'priority', second: key, third: 'valueOf', n: i, [key]: { [key]: 1 } } },
        { id: `p${i}b`, timestamp: now - 120_000, data: { eventType: key, priority: key, second: '__proto__', third: key, n: i + 10, [key]: key } },
        { id: `p${i}c`, timestamp: now - 2 * 3_600_000, data: { eventType: 'PAGE_VIEW', priority: key, second: 'constructor', n: i } },
      ]);
      // A computed `__proto__` key is an own property, so JSON.stringify sends it as data.
      const res = await fetch(`${server.url}/foxtrot/v1/document/storefront/bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(docs),
      });
      assert.equal(res.status, 201, await res.text());
    });
    after(async () => {
      await server?.close();
    });

    it('should answer every opcode over dangerous names without a 500 or a change to Object.prototype', async () => {
      const statuses = new Set<number>();
      for (const key of DANGEROUS) {
        for (const request of requestsFor(key)) {
          const res = await fetch(`${server.url}/foxtrot/v1/analytics`, {
            method: 'POST',
            headers: { ...server.operator, 'content-type': 'application/json' },
            body: JSON.stringify({ bypassCache: true, ...request }),
          });
          const text = await res.text();
          assert.ok(res.status < 500, `${res.status} for ${JSON.stringify(request)}: ${text}`);
          statuses.add(res.status);
          assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeNames, JSON.stringify(request));
        }
      }
      // Every opcode was reached and answered, not only refused.
      assert.ok(statuses.has(200));
      assert.equal(({} as Record<string, unknown>).priority, undefined);
    });

    it('should keep group and trend keys that are dangerous names as plain data', async () => {
      const call = async (request: Record<string, unknown>) => {
        const res = await fetch(`${server.url}/foxtrot/v1/analytics`, {
          method: 'POST',
          headers: { ...server.operator, 'content-type': 'application/json' },
          body: JSON.stringify({ bypassCache: true, ...request }),
        });
        assert.equal(res.status, 200);
        return res.json() as Promise<any>;
      };
      const group = await call({ opcode: 'group', table: 'storefront', nesting: ['eventType', 'priority'] });
      for (const key of DANGEROUS) {
        assert.ok(Object.hasOwn(group.result, key), key);
        assert.equal(group.result[key].priority, 1, key);
      }
      const trend = await call({ opcode: 'trend', table: 'storefront', field: 'eventType', period: 'hours' });
      for (const key of DANGEROUS) assert.equal(trend.trends[key]?.[0]?.count, 2, key);
      // Inherited names are not stats.
      const stats = await fetch(`${server.url}/foxtrot/v1/analytics`, {
        method: 'POST',
        headers: { ...server.operator, 'content-type': 'application/json' },
        body: JSON.stringify({ opcode: 'stats', table: 'storefront', field: 'n', stats: ['toString'] }),
      });
      assert.equal(stats.status, 400);
      const period = await fetch(`${server.url}/foxtrot/v1/analytics`, {
        method: 'POST',
        headers: { ...server.operator, 'content-type': 'application/json' },
        body: JSON.stringify({ opcode: 'histogram', table: 'storefront', period: 'constructor' }),
      });
      assert.equal(period.status, 400);
      // A field named after an inherited property reads only what the document holds.
      const fields = await call({ opcode: 'query', table: 'storefront', limit: 100 });
      assert.ok(fields.documents.length > 0);
    });

    it('should answer FQL (JSON, text and CSV) over dangerous names without a 500', async () => {
      for (const key of DANGEROUS) {
        for (const statement of statementsFor(key)) {
          for (const accept of ['application/json', 'text/plain']) {
            const res = await fetch(`${server.url}/foxtrot/v1/fql`, { method: 'POST', headers: { ...server.operator, 'content-type': 'text/plain', accept }, body: statement });
            const text = await res.text();
            assert.ok(res.status < 500, `${res.status} for ${statement}: ${text}`);
            assert.ok(!text.includes('[native code]'), `${statement}: ${text}`);
          }
          const csv = await fetch(`${server.url}/foxtrot/v1/fql/download?q=${encodeURIComponent(statement)}`, { headers: server.operator });
          assert.ok(csv.status < 500, `${csv.status} for ${statement}`);
          assert.ok(!(await csv.text()).includes('[native code]'), statement);
        }
      }
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeNames);
    });

    it('should still log shoppers in, keep guest carts and sign operators in afterwards', async () => {
      const browser = new Browser(server.url);
      const product = await server.store.db.selectFrom('products').select('id').where('stock', '>', 0).where('id', 'not in', server.store.db.selectFrom('product_variants').select('product_id')).executeTakeFirstOrThrow();
      assert.equal((await browser.post('/api/cart/items', { productId: product.id })).status, 201);
      const loggedIn = await login(server, browser, freshMobile());
      assert.equal(loggedIn.status, 'signed-up');
      assert.ok(browser.session());
      assertOk(await browser.get('/api/account/me'));
      const ops = await fetch(`${server.url}/ops/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ token: server.operator.authorization.slice('Bearer '.length) }),
      });
      assert.equal(ops.status, 200);
      assert.equal(ops.headers.getSetCookie().length, 1);
    });
  });
}
