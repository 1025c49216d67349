/**
 * What is stored reads back as sent, on both engines: ids, typed column values and the JSON keep
 * tabs, newlines, returns, backslashes (and COPY's own markers `\N` and `\.`) as text, since
 * PostgreSQL takes each batch as COPY text.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startTelemetryServer, telemetryStoreKinds, type TelemetryServer } from '../support/telemetry-server';

const AWKWARD = ['tab\there', 'line\nbreak', 'return\r', 'back\\slash', '\\N', '\\.', 'end\\', '"quoted"', 'ünï 😀', ''];

for (const kind of telemetryStoreKinds()) {
  describe(`telemetry documents read back as sent (${kind})`, () => {
    const servers: TelemetryServer[] = [];
    after(async () => {
      for (const server of servers) await server.close();
    });

    it('should keep every character of ids, column values and the JSON, before and after columns exist', async () => {
      // Columns after 20 documents: the first batch is stored as JSON only, the second with columns.
      const server = await startTelemetryServer(kind, { env: { TELEMETRY_COLUMNS_AFTER: '20' } });
      servers.push(server);
      const post = async (path: string, body: unknown) => {
        const res = await fetch(server.url + path, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        assert.ok(res.status < 300, `${path}: ${res.status}`);
        return res.json() as Promise<Record<string, unknown>>;
      };
      await post('/foxtrot/v1/tables', { name: 'awkward', ttl: 7 });
      const now = server.clock.now;
      const sent = (batch: number) =>
        Array.from({ length: 30 }, (_, i) => {
          const text = AWKWARD[i % AWKWARD.length]!;
          return { id: `${batch}-${i}-${text}`, timestamp: now - i * 1000, data: { label: text, n: i + 0.5, ok: i % 2 === 0, nested: { inner: text, list: [text] } } };
        });
      const documents = [...sent(1), ...sent(2)];
      for (const batch of [documents.slice(0, 30), documents.slice(30)]) await post('/foxtrot/v1/document/awkward/bulk', batch);
      // The typed columns are filled for the first batch in the background.
      for (;;) {
        const desc = (await post('/foxtrot/v1/fql', { query: 'desc awkward' })) as { rows: { field: string; stored: string }[] };
        const label = desc.rows.find((r) => r.field === 'label');
        if (label && /^c\d+/.test(label.stored) && !label.stored.includes('filling')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const read = (await post('/foxtrot/v1/analytics', { opcode: 'query', table: 'awkward', limit: 100, bypassCache: true })) as { documents: { id: string; timestamp: number; data: unknown }[] };
      const byId = new Map(read.documents.map((d) => [d.id, d]));
      assert.equal(byId.size, documents.length);
      for (const doc of documents) assert.deepEqual(byId.get(doc.id), doc, JSON.stringify(doc.id));
      const grouped = (await post('/foxtrot/v1/analytics', { opcode: 'group', table: 'awkward', nesting: ['label'], bypassCache: true })) as { result: Record<string, number> };
      assert.deepEqual(Object.keys(grouped.result).sort(), [...AWKWARD].sort());
    });
  });
}
