/**
 * Opens the shop's store: SQLite under DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
 * Both go through Kysely, so every query is written once and runs on either dialect.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { migrateToLatest } from './migrate';
import { FALLBACK_AUTOCHECKPOINT_PAGES, WAL_SIZE_LIMIT_BYTES, startCheckpointer } from './sqlite-checkpointer';
import { SqliteStoreDialect } from './sqlite-driver';

export type Dialect = 'sqlite' | 'postgres';

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use (created when missing); lets test runs share one database. */
  databaseSchema?: string | undefined;
  /** SQLite's `synchronous` in WAL mode: `normal` (default) survives a process crash, `full` a power cut too. */
  sqliteSynchronous?: 'normal' | 'full' | undefined;
}

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

// COUNT(*) and SUM() come back from PostgreSQL as int8 strings; our counts always fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Opens the store named by the options and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl, options.databaseSchema) : openSqlite(options.dataDir, options.sqliteSynchronous ?? 'normal');
  try {
    await migrateToLatest(store.db, store.dialect === 'postgres' ? options.databaseSchema : undefined);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(dataDir: string, synchronous: 'normal' | 'full'): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const filename = path.join(dataDir, 'shop.sqlite');
  const file = new SqliteDatabase(filename);
  // WAL lets readers run while a writer commits. NORMAL writes each commit to the WAL before it
  // returns (so it survives kill -9) but fsyncs only at checkpoints; FULL fsyncs every commit.
  file.pragma('journal_mode = WAL');
  file.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  // Group commits run each request in a savepoint (write-batcher.ts), and SQLite keeps a copy of
  // every page a savepoint first changes in a statement journal, spilled to a temporary file past
  // 64 KB: under steady orders that was 28 of the 37 write calls and 57 KB of the 80 KB written
  // per order. In memory it costs a copy, no system call (decisions/0032).
  file.pragma('temp_store = MEMORY');
  file.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  // The log file is cut back when it starts over (see sqlite-checkpointer.ts), by whichever connection restarts it.
  file.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const checkpointer = startCheckpointer(filename, (message) => console.warn(`SQLite checkpoint: ${message}`));
  const db = new Kysely<Database>({ dialect: new SqliteStoreDialect(file) });
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

async function openPostgres(connectionString: string, schema: string | undefined): Promise<Store> {
  if (schema) await createSchema(connectionString, schema);
  // The schema goes into every connection's startup options, so no pooled connection can miss it.
  const pool = new pg.Pool({ connectionString, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function createSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}
