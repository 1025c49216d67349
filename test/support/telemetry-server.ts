/**
 * Starts the telemetry routes alone on a random port against a fresh store (SQLite + DuckDB, or a
 * throwaway PostgreSQL schema), with a movable clock. The same shape as test/support/server.ts,
 * without the rest of the shop, so telemetry tests and benchmarks start fast.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../server/config';
import { createOperatorAuth } from '../../server/http/operators/operator-auth';
import { storeLimits } from '../../server/cluster/store-limits';
import { loadOperatorToken } from '../../server/http/operators/operator-token';
import { openStore } from '../../server/store/database';
import { telemetryRoutes } from '../../server/telemetry/routes';

export type StoreKind = 'sqlite' | 'postgres';

/** Budgets a benchmark's load from one address must not meet (it measures the store, not the limits). */
export const UNLIMITED_INGESTION: Record<string, string> = {
  TELEMETRY_IP_KB_PER_MIN: '1000000000',
  TELEMETRY_GLOBAL_MB_PER_MIN: '10000000',
  TELEMETRY_TABLE_MAX_MB: '10000000',
};

export function telemetryStoreKinds(): StoreKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TelemetryServer {
  url: string;
  /** Headers that make a request an operator's: reading events back and managing tables need them. */
  operator: { authorization: string };
  clock: { now: number; advance(ms: number): void };
  close(): Promise<void>;
}

export async function startTelemetryServer(
  kind: StoreKind,
  /** A given `dataDir` or PostgreSQL `schema` is kept on close, so a second server can open the same store. */
  options: { dataDir?: string; databaseUrl?: string; schema?: string; env?: Record<string, string> } = {},
): Promise<TelemetryServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'telemetry-test-'));
  const databaseUrl = options.databaseUrl ?? process.env.TEST_DATABASE_URL;
  const schema = kind === 'postgres' ? (options.schema ?? `t_${crypto.randomBytes(6).toString('hex')}`) : undefined;
  // The schema also goes in the connection's start-up options, so that no pooled connection (not even
  // the one that created the schema) ever runs a query against `public`.
  const schemaUrl = schema ? `${databaseUrl}${databaseUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(kind === 'postgres' ? { DATABASE_URL: schemaUrl!, DATABASE_SCHEMA: schema! } : {}),
    ...options.env,
  });
  const store = await openStore(config);
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const logger = pino({ level: 'silent' });
  const deps = { config, store, logger, now: () => clock.now, limits: storeLimits(store) };
  const router = await telemetryRoutes(deps, await createOperatorAuth(deps));
  const app = express();
  app.set('trust proxy', config.trustProxy);
  app.use('/foxtrot', router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    operator: { authorization: `Bearer ${await loadOperatorToken(store.db, dataDir, process.env.OPS_TOKEN, logger)}` },
    clock,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await router.close();
      await store.close();
      if (schema && !options.schema) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
