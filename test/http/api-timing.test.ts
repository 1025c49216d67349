/**
 * API timings over HTTP, on every store: each `/api` request becomes a document in table `server`
 * with its method, route pattern (not the URL), status and duration, written after the answer;
 * the catalog reads answered before Express are counted into one `API_CALLS` summary per route and
 * status each second instead (decisions/0023).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';

interface Row {
  eventType: string;
  count?: number;
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

for (const kind of storeKinds()) {
  describe(`API timings (${kind})`, () => {
    let server: TestServer;

    const analytics = async (request: Record<string, unknown>) => {
      const res = await fetch(`${server.url}/foxtrot/v1/analytics`, {
        method: 'POST',
        headers: { ...server.operator, 'content-type': 'application/json' },
        body: JSON.stringify({ table: 'server', bypassCache: true, ...request }),
      });
      assert.equal(res.status, 200);
      return (await res.json()) as Record<string, any>;
    };
    /** Timings of one route pattern, once the recorder has written `expected` of them (it writes every second). */
    const timingsOf = async (route: string, expected: number): Promise<Row[]> => {
      // Only so that a broken recorder fails the test instead of hanging it.
      const giveUp = Date.now() + 20_000;
      for (;;) {
        assert.ok(Date.now() < giveUp, `no ${expected} timings of ${route} were written`);
        const { documents } = await analytics({ opcode: 'query', filters: [{ operator: 'equals', field: 'route', value: route }], limit: 100 });
        if (documents.length >= expected) return documents.map((d: { data: Row }) => d.data);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    before(async () => {
      server = await startServer(kind, { seedProducts: 50 });
    });
    after(async () => {
      await server.close();
    });

    describe('GET /api/catalog/products/:itemId', () => {
      it('should record the route pattern, not the product id, for found and unknown products', async () => {
        const home = await (await fetch(`${server.url}/api/catalog/browse/mobiles`)).json();
        const id = home.products[0].id as string;
        assert.equal((await fetch(`${server.url}/api/catalog/products/${id}`)).status, 200);
        assert.equal((await fetch(`${server.url}/api/catalog/products/itm0000000000000`)).status, 404);
        const rows = await timingsOf('/api/catalog/products/:itemId', 2);
        assert.deepEqual(rows.map((r) => r.status).sort(), [200, 404]);
        // The found product was answered before Express (a summary), the unknown one by Express.
        assert.deepEqual(rows.map((r) => [r.status, r.eventType, r.count]).sort(), [[200, 'API_CALLS', 1], [404, 'API_CALL', undefined]]);
        for (const row of rows) {
          assert.equal(row.method, 'GET');
          assert.ok(row.durationMs >= 0 && row.durationMs < 60_000, `duration ${row.durationMs}`);
        }
      });
    });

    describe('a URL no API route matches', () => {
      it('should be recorded under the API mount, with its status', async () => {
        assert.equal((await fetch(`${server.url}/api/no/such/thing?x=1`)).status, 404);
        const [row] = await timingsOf('/api/(unmatched)', 1);
        assert.equal(row!.status, 404);
      });
    });

    describe('POST /api/cart/items', () => {
      it('should record the method and the answer to a bad request', async () => {
        const res = await fetch(`${server.url}/api/cart/items`, { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: '{}' });
        assert.equal(res.status, 400);
        const rows = await timingsOf('/api/cart/items', 1);
        assert.deepEqual(rows.map((r) => [r.method, r.status]), [['POST', 400]]);
      });
    });

    describe('POST /api/orders', () => {
      it('should record the same timings whether the fast path or Express answered', async () => {
        // Sec-Fetch-Site takes the order fast path; only Origin goes through Express (orders-fast-path.test.ts).
        for (const site of [{ 'sec-fetch-site': 'same-origin' }, { origin: server.url }] as Array<Record<string, string>>) {
          const post = (body: string) => fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k', ...site }, body });
          assert.equal((await post('{"lines":')).status, 400);
          assert.equal((await post('{}')).status, 401);
        }
        const routed = await timingsOf('/api/orders/', 2);
        assert.deepEqual(routed.map((r) => [r.method, r.status]), [['POST', 401], ['POST', 401]]);
        const unparsed = (await timingsOf('/api/(unmatched)', 3)).filter((r) => r.method === 'POST');
        assert.deepEqual(unparsed.map((r) => r.status), [400, 400]);
      });
    });

    describe('table server', () => {
      it('should group timings by route and status', async () => {
        await timingsOf('/api/catalog/browse/:slug', 1);
        const { result } = await analytics({ opcode: 'group', nesting: ['route', 'status'] });
        assert.equal(result['/api/catalog/browse/:slug']['200'], 1);
        assert.ok(!Object.keys(result).some((route) => route.includes('itm')), 'no raw product URLs');
      });
    });
  });
}
