/**
 * Starts the real shop server on a random port against a fresh store, for HTTP tests.
 * Every HTTP test runs against each store in `storeKinds()`: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set (each server gets its own schema, dropped on close).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp, type AppOptions, type ShopApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { seedCatalogIfEmpty } from '../../server/catalog/seed/index';
import { createLogger } from '../../server/http/logger';
import { loadOperatorToken } from '../../server/http/operators/operator-token';
import { openStore, type Store } from '../../server/store/database';

export type StoreKind = 'sqlite' | 'postgres';

/** The stores this run tests against. */
export function storeKinds(): StoreKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestServer {
  url: string;
  config: Config;
  store: Store;
  shop: ShopApp;
  /** Headers that make a request an operator's (the store's operator token as a Bearer header). */
  operator: { authorization: string };
  /** Moves the server's clock; starts at the real time. */
  clock: { now: number; advance(ms: number): void };
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Products to seed; the default is a small but real catalog that keeps tests quick. */
  seedProducts?: number;
  /** App options (the push sender's DNS and waits). */
  app?: AppOptions;
  /**
   * PostgreSQL: the schema to use, shared with other servers (nodes of one shop); this server
   * does not drop it on close, the test does (`dropSchema`).
   */
  sharedSchema?: string;
}

/** Starts a server on 127.0.0.1 with a random port. */
export async function startServer(kind: StoreKind, options: StartOptions = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-test-'));
  const schema = kind === 'postgres' ? (options.sharedSchema ?? `t_${crypto.randomBytes(6).toString('hex')}`) : undefined;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // Seeded drawings stay drawings unless a test asks (the image tests do): no background work, same answers.
    SEED_PHOTOS: 'off',
    ...(kind === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL!, DATABASE_SCHEMA: schema! } : {}),
    ...options.env,
  };
  const config = loadConfig(env);
  const store = await openStore(config);
  await seedCatalogIfEmpty(store, options.seedProducts ?? 600);
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const logger = createLogger(config.logLevel);
  const shop = await createApp({ config, store, logger, now: () => clock.now }, options.app);
  // The same listener as `npm start`: shells and catalog reads answered before Express.
  const server = http.createServer(shop.listener).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    store,
    shop,
    operator: { authorization: `Bearer ${await loadOperatorToken(store.db, config.dataDir, process.env.OPS_TOKEN, logger)}` },
    clock,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await shop.close();
      await store.close();
      if (schema && !options.sharedSchema) await dropSchema(schema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Drops a PostgreSQL schema of the test database, with everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
