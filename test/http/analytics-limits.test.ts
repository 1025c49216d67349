/**
 * What one analytics request may cost (issue 10, items 6 and 9): nested multi requests stop at two
 * levels and 100 statements, a statement answers at most 100,000 rows, and numbers too large to
 * use (`1e400`, which JSON reads as Infinity) or units that are Object members are a 400, not a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTelemetryServer, telemetryStoreKinds, type TelemetryServer } from '../support/telemetry-server';

for (const kind of telemetryStoreKinds()) {
  describe(`analytics limits (${kind})`, () => {
    let server: TelemetryServer;

    /** Posts raw JSON text, so numbers such as 1e400 reach the server as written. */
    const analytics = async (text: string) => {
      const res = await fetch(`${server.url}/foxtrot/v1/analytics`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: text });
      const body = await res.text();
      return { status: res.status, json: JSON.parse(body) };
    };
    const fql = async (query: string) => {
      const res = await fetch(`${server.url}/foxtrot/v1/fql`, { method: 'POST', headers: { ...server.operator, 'content-type': 'text/plain' }, body: query });
      return { status: res.status, json: JSON.parse(await res.text()) };
    };

    before(async () => {
      server = await startTelemetryServer(kind, { env: { TELEMETRY_IP_KB_PER_MIN: '1000000', TELEMETRY_GLOBAL_MB_PER_MIN: '100000' } });
      const now = server.clock.now;
      // 100,001 distinct values of `k`: one more group than a statement may answer.
      for (let start = 0; start <= 100_000; start += 2000) {
        const docs = Array.from({ length: Math.min(2000, 100_001 - start) }, (_, i) => ({ id: `r${start + i}`, timestamp: now - 60_000, data: { k: start + i } }));
        const res = await fetch(`${server.url}/foxtrot/v1/document/storefront/bulk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(docs) });
        assert.equal(res.status, 201, await res.text());
      }
    });
    after(async () => {
      await server?.close();
    });

    it('should refuse a statement that would answer more than 100,000 rows', async () => {
      const res = await analytics(JSON.stringify({ opcode: 'group', table: 'storefront', nesting: ['k'] }));
      assert.equal(res.status, 400);
      assert.equal(res.json.error.code, 'too-many-results');
      assert.equal(res.json.error.details.maxRows, 100_000);
      const trend = await analytics(JSON.stringify({ opcode: 'trend', table: 'storefront', field: 'k' }));
      assert.equal(trend.json.error?.code, 'too-many-results');
      // Fewer groups answer as before.
      const few = await analytics(JSON.stringify({ opcode: 'group', table: 'storefront', nesting: ['k'], filters: [{ operator: 'less_than', field: 'k', value: 10 }] }));
      assert.equal(few.status, 200);
      assert.equal(Object.keys(few.json.result).length, 10);
    });

    it('should stop nesting at two levels and a request at 100 statements', async () => {
      const leaf = { opcode: 'count', table: 'storefront', filters: [{ operator: 'last', duration: '1h' }] };
      const timeQuery = (inner: unknown) => ({ opcode: 'multi_time_query', actionRequest: inner, sampleSize: 2, skipDuration: '1h' });
      const ok = await analytics(JSON.stringify({ opcode: 'multi_query', requests: { a: timeQuery(leaf) } }));
      assert.equal(ok.status, 200);
      const deep = await analytics(JSON.stringify({ opcode: 'multi_query', requests: { a: timeQuery({ opcode: 'multi_query', requests: { b: leaf }, filters: [{ operator: 'last', duration: '1h' }] }) } }));
      assert.equal(deep.status, 400);
      assert.equal(deep.json.error.code, 'query-too-complex');
      const wide = { opcode: 'multi_query', requests: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`r${i}`, { ...timeQuery(leaf), sampleSize: 30 }])) };
      const many = await analytics(JSON.stringify(wide));
      assert.equal(many.status, 400);
      assert.equal(many.json.error.code, 'query-too-complex');
    });

    it('should answer numbers too large to use with number-out-of-range', async () => {
      const inf = '1e400';
      const bodies = [
        `{"opcode":"count","table":"storefront","filters":[{"operator":"equals","field":"k","value":${inf}}]}`,
        `{"opcode":"count","table":"storefront","filters":[{"operator":"greater_than","field":"_timestamp","value":-${inf}}]}`,
        `{"opcode":"count","table":"storefront","filters":[{"operator":"between","field":"_timestamp","from":0,"to":${inf}}]}`,
        `{"opcode":"count","table":"storefront","filters":[{"operator":"last","duration":"1h","currentTime":${inf}}]}`,
        `{"opcode":"count","table":"storefront","filters":[{"operator":"in","field":"k","values":[1,${inf}]}]}`,
        `{"opcode":"multi_time_query","actionRequest":{"opcode":"count","table":"storefront","filters":[{"operator":"between","field":"_timestamp","from":-${inf},"to":${inf}}]},"skipDuration":"1h"}`,
      ];
      for (const body of bodies) {
        const res = await analytics(body);
        assert.equal(res.status, 400, body);
        assert.equal(res.json.error.code, 'number-out-of-range', body);
      }
      for (const duration of [`"${'9'.repeat(400)}h"`, '"1 constructor"', '"3 toString"', inf]) {
        const res = await analytics(`{"opcode":"count","table":"storefront","filters":[{"operator":"last","duration":${duration}}]}`);
        assert.equal(res.status, 400, duration);
      }
      // NUL, which PostgreSQL text cannot hold, is no value to compare with either.
      const nul = await analytics('{"opcode":"trend","table":"storefront","field":"k","values":["a\\u0000b"]}');
      assert.equal(nul.status, 400);
      assert.equal((await analytics('{"opcode":"count","table":"storefront","filters":[{"operator":"contains","field":"k","value":"\\u0000"}]}')).status, 400);
      // FQL reads such a literal as no number at all.
      const viaFql = await fql(`select count(*) from storefront where _timestamp > ${'9'.repeat(400)}`);
      assert.equal(viaFql.status, 400);
    });
  });
}
