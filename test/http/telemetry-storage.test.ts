/**
 * The events' storage on each engine: data stored by the layout before typed columns is moved once
 * and stays readable (DuckDB tables lose their primary key; PostgreSQL's single table becomes daily
 * partitions per telemetry table), and the TTL drops whole expired days on PostgreSQL.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { CompiledQuery } from 'kysely';
import { pino } from 'pino';
import { openDuckdbEngine } from '../../server/telemetry/engine/duckdb-engine';
import type { EventEngine } from '../../server/telemetry/engine/engine';
import { openPostgresEngine } from '../../server/telemetry/engine/postgres-engine';
import { DAY_MS } from '../../server/telemetry/ids/recent-ids';
import { openStore, type Store } from '../../server/store/database';
import { dropSchema } from '../support/server';

const doc = (id: string, timestamp: number, data: Record<string, unknown>) => ({ id, timestamp, json: JSON.stringify(data), data });
/** Stores documents without typed columns, each as its JSON. */
const insertPlain = (engine: EventEngine, table: string, documents: ReturnType<typeof doc>[]) =>
  engine.insert(table, documents, { columns: [], values: [], json: documents.map((d) => d.json) });

describe('DuckDB events stored before typed columns', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duck-old-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should lose their primary key once, keeping every event', async () => {
    const old = await DuckDBInstance.create(path.join(dir, 'telemetry.duckdb'));
    const connection = await old.connect();
    await connection.run('CREATE TABLE "ev_shop" (id VARCHAR PRIMARY KEY, ts BIGINT NOT NULL, data VARCHAR NOT NULL)');
    await connection.run(`INSERT INTO "ev_shop" VALUES ('b', 2, '{"os":"ios"}'), ('a', 1, '{"os":"android"}')`);
    connection.closeSync();
    old.closeSync();

    const engine = await openDuckdbEngine({ dir, queryTimeoutMs: 5000 });
    try {
      await engine.createTable('shop');
      assert.deepEqual(await engine.select('SELECT id, ts, data FROM "ev_shop" ORDER BY ts', []), [
        { id: 'a', ts: 1, data: '{"os":"android"}' },
        { id: 'b', ts: 2, data: '{"os":"ios"}' },
      ]);
      assert.deepEqual(await engine.select("SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name = 'ev_shop' AND constraint_type = 'PRIMARY KEY'", []), [{ n: 0 }]);
      await insertPlain(engine, 'shop', [doc('a', 3, { os: 'again' })]);
      assert.deepEqual(await engine.select('SELECT count(*) AS n FROM "ev_shop"', []), [{ n: 3 }], 'the engine no longer refuses an id: ingestion decides');
      assert.deepEqual(await engine.sample('shop', 1), [{ os: 'again' }]);
      assert.deepEqual((await engine.ids('shop', 0, 3)).sort(), ['a', 'b']);
    } finally {
      await engine.close();
    }
  });
});

if (process.env.TEST_DATABASE_URL) {
  describe('PostgreSQL events', () => {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `s_${crypto.randomBytes(6).toString('hex')}`;
    const logger = pino({ level: 'silent' });
    after(async () => {
      await dropSchema(schema);
    });
    const open = async () => {
      const store = await openStore({ dataDir: os.tmpdir(), databaseUrl: url, databaseSchema: schema });
      const engine = await openPostgresEngine(store.db, { role: 'sf_telemetry_reader', queryTimeoutMs: 5000, logger, connectionString: url, schema });
      return { store, engine };
    };
    const query = async (store: Store, text: string, params: unknown[] = []) => (await store.db.executeQuery(CompiledQuery.raw(text, params))).rows as Record<string, unknown>[];
    const partitions = async (store: Store, parent: string) => {
      const rows = await query(store, 
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = $1 AND p.relnamespace = $2::regnamespace ORDER BY 1`,
        [parent, schema],
      );
      return rows.map((r) => String(r.name));
    };

    it('should move the events of the single table into daily partitions per table, once', async () => {
      const day = 20_000 * DAY_MS;
      const first = await open();
      await first.engine.close();
      await query(first.store, `CREATE TABLE "${schema}".telemetry_events (tbl text NOT NULL, id text NOT NULL, ts bigint NOT NULL, data jsonb NOT NULL, PRIMARY KEY (tbl, id))`);
      await query(
        first.store,
        `INSERT INTO "${schema}".telemetry_events VALUES ('shop', 'a', $1, '{"os":"android"}'), ('shop', 'b', $2, '{"os":"ios"}'), ('push', 'p', $1, '{"ok":true}')`,
        [day + 5, day + DAY_MS + 5],
      );
      await first.store.close();

      const { store, engine } = await open();
      try {
        assert.deepEqual(await engine.select('SELECT id, ts, data FROM tev_shop ORDER BY ts', []), [
          { id: 'a', ts: day + 5, data: { os: 'android' } },
          { id: 'b', ts: day + DAY_MS + 5, data: { os: 'ios' } },
        ]);
        assert.deepEqual(await engine.select('SELECT id FROM tev_push', []), [{ id: 'p' }]);
        assert.deepEqual(await partitions(store, 'tev_shop'), ['tev_shop_p20241004', 'tev_shop_p20241005']);
        const [old] = await query(store, `SELECT to_regclass('"${schema}".telemetry_events') AS r`);
        assert.equal(old!.r, null, 'the old table is gone');
      } finally {
        await engine.close();
        await store.close();
      }
    });

    it('should answer a batch PostgreSQL refuses with its error, store none of it, and keep taking batches', async () => {
      const { store, engine } = await open();
      try {
        await engine.createTable('refused');
        const day = 20_200 * DAY_MS;
        // A typed column the table does not have: the whole COPY is refused.
        const column = { path: 'os', name: 'c9', type: 'VARCHAR' as const, state: 'ready' as const, mixed: false, stripped: false };
        const documents = [doc('r1', day, { os: 'android' }), doc('r2', day + 1, { os: 'ios' })];
        await assert.rejects(engine.insert('refused', documents, { columns: [column], values: [['android', 'ios']], json: documents.map((d) => d.json) }), /c9/);
        assert.deepEqual(await engine.select('SELECT count(*) AS n FROM tev_refused', []), [{ n: 0 }]);
        // The connection that carried the refused COPY goes on serving (a pool of 4: more batches than that).
        for (let i = 0; i < 6; i++) assert.deepEqual(await insertPlain(engine, 'refused', [doc(`ok${i}`, day + i, { os: 'x' })]), { stored: 1 });
        assert.deepEqual(await engine.select('SELECT count(*) AS n FROM tev_refused', []), [{ n: 6 }]);
      } finally {
        await engine.close();
        await store.close();
      }
    });

    it('should drop whole expired days for the TTL, and keep the rest', async () => {
      const { store, engine } = await open();
      try {
        const day = 20_100 * DAY_MS;
        await engine.createTable('ttl');
        await insertPlain(engine, 'ttl', [doc('a', day + 1, {}), doc('b', day + DAY_MS + 1, {}), doc('c', day + 2 * DAY_MS + 1, {})]);
        assert.equal((await partitions(store, 'tev_ttl')).length, 3);
        await engine.purge('ttl', day + DAY_MS + 10);
        assert.deepEqual(await partitions(store, 'tev_ttl'), ['tev_ttl_p20250113', 'tev_ttl_p20250114'], 'only the day wholly before the cutoff');
        assert.deepEqual(await engine.select('SELECT id FROM tev_ttl ORDER BY id', []), [{ id: 'b' }, { id: 'c' }]);
        await insertPlain(engine, 'ttl', [doc('d', day + 1, {})]);
        assert.equal((await partitions(store, 'tev_ttl')).length, 3, 'a day comes back when an event for it does');
      } finally {
        await engine.close();
        await store.close();
      }
    });
  });
}
