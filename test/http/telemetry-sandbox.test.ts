/**
 * What analytics SQL may reach (issue 10, item 6), tried on the engines directly with statements
 * no request could build: DuckDB touches no file but its own and cannot be reconfigured; PostgreSQL
 * runs analytics read-only, as a role that sees the events and not the shop's sessions, codes or
 * accounts; on both, a statement that runs past the timeout is stopped with `query-timeout`.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pino } from 'pino';
import { AppError } from '../../server/errors/app-error';
import { openDuckdbEngine } from '../../server/telemetry/engine/duckdb-engine';
import type { EventEngine } from '../../server/telemetry/engine/engine';
import { openPostgresEngine } from '../../server/telemetry/engine/postgres-engine';
import { openStore, type Store } from '../../server/store/database';
import { dropSchema } from '../support/server';

const TIMEOUT_MS = 300;
const isTimeout = (error: unknown) => error instanceof AppError && error.code === 'query-timeout';

describe('DuckDB analytics sandbox', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duck-sandbox-'));
  const opening = openDuckdbEngine({ dir, queryTimeoutMs: TIMEOUT_MS });
  after(async () => {
    await (await opening).close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should read and write no file but its own, and keep its settings', async () => {
    const engine = await opening;
    const outside = path.join(dir, 'outside.csv');
    fs.writeFileSync(outside, 'a\n1\n');
    for (const statement of [
      `SELECT * FROM read_csv('${outside}')`,
      "SELECT * FROM read_text('/etc/passwd')",
      `COPY (SELECT 1) TO '${path.join(dir, 'leak.csv')}'`,
      `ATTACH '${path.join(dir, 'other.duckdb')}' AS other`,
      'INSTALL httpfs',
      'SET enable_external_access = true',
      "SET memory_limit = '64GB'",
    ]) {
      await assert.rejects(engine.select(statement, []), /Permission|Cannot change configuration|Cannot access/, statement);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'leak.csv')));
    // Its own tables still work.
    await engine.createTable('sandbox');
    await engine.insert('sandbox', [{ id: 'a', timestamp: 1, json: '{"x":1}', data: { x: 1 } }], { columns: [], values: [], json: ['{"x":1}'] });
    assert.deepEqual(await engine.select('SELECT count(*) AS n FROM "ev_sandbox"', []), [{ n: 1 }]);
  });

  it('should stop a statement that runs past the timeout, and go on answering', async () => {
    const engine = await opening;
    await assert.rejects(engine.select('SELECT sum(a.range * b.range) AS s FROM range(200000) a, range(200000) b', []), isTimeout);
    assert.deepEqual(await engine.select('SELECT 41 + 1 AS n', []), [{ n: 42 }]);
  });
});

if (process.env.TEST_DATABASE_URL) {
  describe('PostgreSQL analytics role', () => {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    let store: Store | undefined;
    let engine: EventEngine | undefined;
    const open = async () => {
      store ??= await openStore({ dataDir: os.tmpdir(), databaseUrl: url, databaseSchema: schema });
      engine ??= await openPostgresEngine(store.db, { role: 'sf_telemetry_reader', queryTimeoutMs: TIMEOUT_MS, logger: pino({ level: 'silent' }), connectionString: url, schema });
      return engine;
    };
    after(async () => {
      await engine?.close();
      await store?.close();
      await dropSchema(schema);
    });

    it("should read the events and nothing of the shop's own", async () => {
      const engine = await open();
      await engine.createTable('sandbox');
      await engine.insert('sandbox', [{ id: 'a', timestamp: 1, json: '{"x":1}', data: { x: 1 } }], { columns: [], values: [], json: ['{"x":1}'] });
      assert.deepEqual(await engine.select('SELECT count(*) AS n FROM tev_sandbox', []), [{ n: 1 }]);
      for (const table of ['sessions', 'otp_challenges', 'accounts', 'addresses', 'limit_failures', 'shop_secrets', 'carts']) {
        await assert.rejects(engine.select(`SELECT * FROM ${table} LIMIT 1`, []), /permission denied/, table);
      }
      await assert.rejects(engine.select('RESET ROLE; SELECT * FROM sessions', []), /cannot insert multiple commands|permission denied/);
    });

    it('should write nothing, not even to the events', async () => {
      const engine = await open();
      for (const statement of ["INSERT INTO tev_sandbox VALUES ('b', 1, '{}')", 'DELETE FROM tev_sandbox', 'DROP TABLE tev_sandbox', 'CREATE TABLE leak (x int)', 'SELECT * FROM telemetry_mappings']) {
        await assert.rejects(engine.select(statement, []), /read-only transaction|permission denied|must be owner/, statement);
      }
      assert.deepEqual(await engine.select('SELECT count(*) AS n FROM tev_sandbox', []), [{ n: 1 }]);
    });

    it('should stop a statement that runs past the timeout', async () => {
      const engine = await open();
      await assert.rejects(engine.select('SELECT pg_sleep(5)', []), isTimeout);
      assert.deepEqual(await engine.select('SELECT 41 + 1 AS n', []), [{ n: 42 }]);
    });
  });
}
