/**
 * What anonymous ingestion may take (issue 10, item 2): bytes per client address and over all
 * clients (429 with Retry-After, configurable), a size cap per table, no timestamps far ahead,
 * no writes to the shop's internal tables, and the event files in a directory of their own.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { startTelemetryServer, telemetryStoreKinds, type TelemetryServer } from '../support/telemetry-server';

const KB = 1024;

/** `count` documents of about `bytes` of data each. */
function batch(prefix: string, count: number, bytes: number, timestamp?: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, ...(timestamp ? { timestamp } : {}), data: { eventType: 'X', pad: 'p'.repeat(bytes) } }));
}

async function post(server: TelemetryServer, table: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/foxtrot/v1/document/${table}${Array.isArray(body) ? '/bulk' : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, retryAfter: res.headers.get('retry-after') };
}

for (const kind of telemetryStoreKinds()) {
  describe(`telemetry ingestion budgets (${kind})`, () => {
    const servers: TelemetryServer[] = [];
    const start = async (env: Record<string, string>, dataDir?: string) => {
      const server = await startTelemetryServer(kind, { env: { TRUST_PROXY: 'loopback', ...env }, ...(dataDir ? { dataDir } : {}) });
      servers.push(server);
      return server;
    };
    after(async () => {
      for (const server of servers) await server.close();
    });

    it("should refuse an address past its bytes per minute, with Retry-After, and let it in once the bucket refills", async () => {
      const server = await start({ TELEMETRY_IP_KB_PER_MIN: '1100' });
      const from = { 'x-forwarded-for': '203.0.113.7' };
      let refused: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 10 && !refused; i++) {
        const res = await post(server, 'storefront', batch(`a${i}`, 20, 10 * KB), from);
        if (res.status !== 201) refused = res;
      }
      assert.ok(refused, 'never refused');
      assert.equal(refused.status, 429);
      assert.equal(refused.json.error.code, 'telemetry-budget-exceeded');
      assert.equal(refused.json.error.details.scope, 'address');
      const wait = Number(refused.retryAfter);
      assert.ok(wait >= 1 && wait <= 60, String(wait));
      // Another address is not held up by this one.
      assert.equal((await post(server, 'storefront', batch('other', 20, 10 * KB), { 'x-forwarded-for': '198.51.100.1' })).status, 201);
      // The same /64 is the same subscriber.
      assert.equal((await post(server, 'storefront', batch('v6a', 60, 10 * KB), { 'x-forwarded-for': '2001:db8:1:2::1' })).status, 201);
      assert.equal((await post(server, 'storefront', batch('v6b', 60, 10 * KB), { 'x-forwarded-for': '2001:db8:1:2:ffff::9' })).status, 429);
      server.clock.advance(wait * 1000);
      assert.equal((await post(server, 'storefront', batch('later', 20, 10 * KB), from)).status, 201);
    });

    it('should refuse everyone past the global bytes per minute', async () => {
      const server = await start({ TELEMETRY_GLOBAL_MB_PER_MIN: '2' });
      let refused: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 20 && !refused; i++) {
        const res = await post(server, 'storefront', batch(`g${i}`, 30, 10 * KB), { 'x-forwarded-for': `192.0.2.${i + 1}` });
        if (res.status !== 201) refused = res;
      }
      assert.ok(refused, 'never refused');
      assert.equal(refused.status, 429);
      assert.equal(refused.json.error.details.scope, 'all');
      assert.ok(Number(refused.retryAfter) >= 1);
    });

    it('should stop taking events into a table at its size cap, and keep other tables going', async () => {
      const server = await start({ TELEMETRY_TABLE_MAX_MB: '1', TELEMETRY_IP_KB_PER_MIN: '100000', TELEMETRY_GLOBAL_MB_PER_MIN: '1000' });
      let full: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 10 && !full; i++) {
        const res = await post(server, 'storefront', batch(`t${i}`, 20, 10 * KB));
        if (res.status !== 201) full = res;
      }
      assert.ok(full, 'never full');
      assert.equal(full.status, 429);
      assert.equal(full.json.error.code, 'telemetry-table-full');
      assert.ok(Number(full.retryAfter) > 0);
      // What was stored before stays, and stays under the cap.
      const count = await fetch(`${server.url}/foxtrot/v1/analytics`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify({ opcode: 'count', table: 'storefront' }) });
      const stored = ((await count.json()) as { count: number }).count;
      assert.ok(stored > 0 && stored * 10 * KB < 1024 * KB, String(stored));
      const created = await fetch(`${server.url}/foxtrot/v1/tables`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'other', ttl: 1 }) });
      assert.equal(created.status, 201);
      assert.equal((await post(server, 'other', batch('o', 5, KB))).status, 201);
    });

    it('should refuse timestamps more than five minutes ahead of the clock', async () => {
      const server = await start({});
      const now = server.clock.now;
      const res = await post(server, 'storefront', [
        { id: 'soon', timestamp: now + 4 * 60_000, data: { eventType: 'X' } },
        { id: 'late', timestamp: now + 6 * 60_000, data: { eventType: 'X' } },
        { id: 'never', timestamp: now + 100 * 365 * 86_400_000, data: { eventType: 'X' } },
      ]);
      assert.equal(res.status, 201);
      assert.equal(res.json.accepted, 1);
      assert.deepEqual(res.json.rejected.map((r: { id: string }) => r.id), ['late', 'never']);
      assert.match(res.json.rejected[0].reason.message, /ahead/);
      const one = await post(server, 'storefront', { id: 'single', timestamp: now + 3_600_000, data: { eventType: 'X' } });
      assert.equal(one.status, 400);
      assert.equal(one.json.error.code, 'invalid-document');
    });

    it('should refuse data with unpaired surrogates, which would break every query over the table', async () => {
      const server = await start({});
      const text = '[{"id":"bad","data":{"eventType":"\\udc21\\udc47"}},{"id":"key","data":{"\\ud800":1}},{"id":"good","data":{"eventType":"\\ud83d\\ude00"}}]';
      const res = await fetch(`${server.url}/foxtrot/v1/document/storefront/bulk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
      const body = (await res.json()) as { accepted: number; rejected: { id: string }[] };
      assert.equal(body.accepted, 1);
      assert.deepEqual(body.rejected.map((r) => r.id), ['bad', 'key']);
      const group = await fetch(`${server.url}/foxtrot/v1/analytics`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify({ opcode: 'group', table: 'storefront', nesting: ['eventType'] }) });
      assert.equal(group.status, 200);
      assert.deepEqual(((await group.json()) as { result: unknown }).result, { '😀': 1 });
    });

    it("should let no one but the shop write to its internal tables, operators included", async () => {
      const server = await start({});
      for (const body of [{ id: 'fake', data: { eventType: 'API_CALL', route: '/api/x', status: 200 } }, batch('fake', 2, 10)]) {
        for (const headers of [{}, server.operator]) {
          const res = await post(server, 'server', body, headers);
          assert.equal(res.status, 403);
          assert.equal(res.json.error.code, 'telemetry-table-internal');
        }
      }
    });

    if (kind === 'sqlite') {
      it('should keep the event files in a directory of their own, and move an old file there once', async () => {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telemetry-dir-'));
        // The old layout: the events file beside the shop's database.
        const old = await startTelemetryServer(kind, { dataDir, env: { TELEMETRY_DIR: dataDir } });
        assert.equal((await post(old, 'storefront', batch('kept', 3, 10))).status, 201);
        await old.close();
        assert.ok(fs.existsSync(path.join(dataDir, 'telemetry.duckdb')));
        const server = await start({}, dataDir);
        assert.ok(fs.existsSync(path.join(dataDir, 'telemetry', 'telemetry.duckdb')));
        assert.ok(!fs.existsSync(path.join(dataDir, 'telemetry.duckdb')));
        const res = await fetch(`${server.url}/foxtrot/v1/analytics`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify({ opcode: 'count', table: 'storefront' }) });
        assert.equal(((await res.json()) as { count: number }).count, 3);
      });
    }
  });
}
