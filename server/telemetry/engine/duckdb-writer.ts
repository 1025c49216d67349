/**
 * The DuckDB thread (a `node:worker_threads` worker started by `duckdb-engine.ts`): it owns the
 * database file, the writer connection and the queue of statements. Writes arrive acknowledged,
 * as frames of the ingest log (checked documents whose ids are new, packed as columns, typed values
 * included); they wait here and are loaded a row group at a time (`duckdb-loader.ts`,
 * `duckdb-append.ts`), so the appender's synchronous append-and-commit never holds up the event
 * loop, which answers HTTP and parses the next bodies meanwhile. Schema changes, fills, purges and
 * each query's turn go through the same queue, after a load of what waits (decision 0033).
 * Analytics run on a connection each (DuckDB's own threads, MVCC), so a long query never holds up
 * ingestion.
 */
import path from 'node:path';
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { AppError } from '../../errors/app-error';
import type { ColumnType } from '../mapping/column';
import { tableName, type ColumnDefinition, type WriterNotice, type WriterReply, type WriterRequest } from './duckdb-protocol';
import { appendGroups } from './duckdb-append';
import { unpackColumns, type DocumentColumns, type PackedDocuments } from './packed-documents';
import { deleteSegments, readLog } from './append-log';
import { Loader } from './duckdb-loader';
import { decodeRecord } from './log-record';
import { WriteQueue, type Pending } from './write-queue';

type Work = { kind: 'insert'; table: string; rows: number; frame: Buffer; n: number } | { kind: 'run'; run: (connection: DuckDBConnection) => Promise<unknown> };

/**
 * A table's acknowledged rows are loaded once this many wait: one DuckDB row group, which an append
 * writes straight into the database file instead of through the WAL (about half the CPU a row of
 * small commits costs, decision 0033).
 */
const LOAD_ROWS = 122_880;

const port = parentPort!;
const { dir, queryTimeoutMs, loadAfterMs = 5_000 } = workerData as { dir: string; queryTimeoutMs: number; loadAfterMs?: number };

/**
 * Analytics SQL is built from requests anyone with the operator token sends: DuckDB may touch no
 * file but its own (no reading, copying, attaching or installing), and no statement may change that.
 */
export const SANDBOX = {
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  lock_configuration: 'true',
};

/** Each events table's typed columns after `id, ts, data`, in table order: what an append must fill. */
const typedColumns = new Map<string, { name: string; type: ColumnType }[]>();

let loadTimer: NodeJS.Timeout | undefined;

fs.mkdirSync(dir, { recursive: true });
const opened = (async () => {
  const instance = await DuckDBInstance.create(path.join(dir, 'telemetry.duckdb'), SANDBOX);
  const writer = await instance.connect();
  await writer.run('CREATE TABLE IF NOT EXISTS telemetry_mappings (tbl VARCHAR PRIMARY KEY, mapping VARCHAR NOT NULL)');
  const loader = new Loader(append);
  // Acknowledged before a crash or a stop and maybe not loaded: loaded now, before the log is written again.
  const { records, segments } = readLog(dir);
  for (const record of records) {
    if (!typedColumns.has(record.table)) await loadColumns(writer, record.table);
    loader.recover(record.table, unpackColumns(record.documents));
  }
  await loader.load(writer);
  deleteSegments(dir, segments);
  return { instance, writer, loader };
})();

/** Runs one analytics statement on a connection of its own, interrupted when it runs past the timeout. */
async function query(instance: DuckDBInstance, sql: string, params: unknown[], shape: 'rows' | 'column'): Promise<unknown> {
  const connection = await instance.connect();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, queryTimeoutMs);
  try {
    const result = await connection.runAndReadAll(sql, params as DuckDBValue[]);
    if (shape === 'column') return result.getColumnsJS()[0] ?? [];
    return (result.getRowObjectsJS() as Record<string, unknown>[]).map(normalizeRow);
  } catch (error) {
    if (timedOut) throw new AppError('query-timeout', { timeoutMs: queryTimeoutMs });
    throw error;
  } finally {
    clearTimeout(timer);
    connection.closeSync();
  }
}

/** Analytics statements still running: `close` waits for them. */
const selects = new Set<Promise<unknown>>();

/** Counts a statement as running until it settles. */
function tracked<T>(running: Promise<T>): Promise<T> {
  selects.add(running);
  void running.then(
    () => selects.delete(running),
    () => selects.delete(running),
  );
  return running;
}

// Requests already waiting in the port when a commit could start go into that commit.
const queue = new WriteQueue<Work>(async (batch) => flush((await opened).writer, batch), (start) => setImmediate(start));

/** Queues a statement on the writer connection and answers its result once it ran. */
function inTurn<T>(run: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  let result: T;
  return queue.push({ kind: 'run', run: async (connection) => (result = await run(connection)) }).then(() => result);
}

/** Loads every write acknowledged so far: a turn in the queue loads what waits before it runs. */
function loadWaiting(): Promise<void> {
  return inTurn(async () => undefined);
}

async function handle(request: WriterRequest): Promise<unknown> {
  const { instance } = await opened;
  switch (request.op) {
    case 'createTable':
      return inTurn((connection) => createTable(connection, request.table));
    case 'open':
      return undefined;
    case 'load': {
      // In the log already, and acknowledged: held as bytes for the next load (no answer is awaited).
      await queue.push({ kind: 'insert', table: request.table, rows: request.rows, frame: Buffer.from(request.frame), n: request.n });
      return undefined;
    }
    case 'select':
      // Every event acknowledged before the query arrived is loaded first (a turn in the queue loads them).
      await loadWaiting();
      // Each query on its own connection (MVCC: it sees the last commit), so one can be interrupted alone.
      return tracked(query(instance, request.sql, request.params, 'rows'));
    case 'column':
      await loadWaiting();
      return tracked(query(instance, request.sql, request.params, 'column'));
    case 'write':
      return inTurn(async (connection) => {
        await connection.run(request.sql, request.params as DuckDBValue[]);
      });
    case 'addColumns':
      return inTurn((connection) => addColumns(connection, request.table, request.columns));
    case 'fill':
      return inTurn(async (connection) => {
        if (request.columns.length === 0) return;
        const sets = request.columns.map((c) => `"${c.name}" = ${c.fromJson}`).join(', ');
        // Only rows with none of the columns' values: those stored before the columns existed.
        const unfilled = request.columns.map((c) => `"${c.name}" IS NULL`).join(' AND ');
        await connection.run(`UPDATE ${tableName(request.table)} SET ${sets} WHERE ts >= $1 AND ts < $2 AND ${unfilled}`, [BigInt(request.from), BigInt(request.to)]);
      });
    case 'close': {
      // What waits in the log is loaded, so a clean stop leaves nothing to replay.
      await loadWaiting();
      await queue.idle();
      clearTimeout(loadTimer);
      // Closing the instance under a running query aborts the process from native code: let them end first.
      await Promise.allSettled([...selects]);
      const { writer } = await opened;
      writer.closeSync();
      instance.closeSync();
      return undefined;
    }
  }
}

port.on('message', (request: WriterRequest) => {
  handle(request).then(
    // A write to load is not answered: it was acknowledged once in the log.
    (value) => request.op !== 'load' && port.postMessage({ id: request.id, ok: true, value } satisfies WriterReply),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: toWire(error) } satisfies WriterReply),
  );
});

function toWire(error: unknown): Extract<WriterReply, { ok: false }>['error'] {
  if (error instanceof AppError) return { code: error.code, details: error.details, message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * Creates an events table: no primary key (ingestion knows which ids are new, and an index per row
 * cost about a quarter of every append). A table from before, keyed by id, is rebuilt without the
 * key once, its events in time order.
 */
async function createTable(connection: DuckDBConnection, table: string): Promise<void> {
  const name = tableName(table);
  await connection.run(`CREATE TABLE IF NOT EXISTS ${name} (id VARCHAR NOT NULL, ts BIGINT NOT NULL, data VARCHAR NOT NULL)`);
  const keyed = await connection.runAndReadAll(
    "SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name = $1 AND constraint_type = 'PRIMARY KEY'",
    [`ev_${table}`],
  );
  if (Number(keyed.getRowObjectsJS()[0]?.n ?? 0) > 0) {
    const rebuilt = `"ev_${table}__unkeyed"`;
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(`CREATE TABLE ${rebuilt} (id VARCHAR NOT NULL, ts BIGINT NOT NULL, data VARCHAR NOT NULL)`);
      await connection.run(`INSERT INTO ${rebuilt} SELECT id, ts, data FROM ${name} ORDER BY ts`);
      await connection.run(`DROP TABLE ${name}`);
      await connection.run(`ALTER TABLE ${rebuilt} RENAME TO "ev_${table}"`);
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
  }
  await loadColumns(connection, table);
}

async function loadColumns(connection: DuckDBConnection, table: string): Promise<void> {
  const result = await connection.runAndReadAll(
    'SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = $1 AND column_index > 3 ORDER BY column_index',
    [`ev_${table}`],
  );
  typedColumns.set(table, result.getRowObjectsJS() as { name: string; type: ColumnType }[]);
}

async function addColumns(connection: DuckDBConnection, table: string, columns: ColumnDefinition[]): Promise<void> {
  for (const column of columns) {
    await connection.run(`ALTER TABLE ${tableName(table)} ADD COLUMN IF NOT EXISTS "${column.name}" ${column.type}`);
  }
  await loadColumns(connection, table);
}

/**
 * Runs every queued batch in order. Writes (acknowledged, in the ingest log) wait for a load, once
 * a table has a row group's worth or `loadAfterMs` passed. Any other statement (schema, fill, purge,
 * mapping, or a query's turn) first loads everything that waits, then runs in its turn.
 */
async function flush(connection: DuckDBConnection, batch: Pending<Work>[]): Promise<void> {
  const { loader } = await opened;
  for (const pending of batch) {
    const work = pending.item;
    if (work.kind === 'insert') {
      const { frame } = work;
      loader.keep(work.table, { rows: work.rows, read: () => unpackColumns(readFrame(frame)) }, work.n);
      pending.resolve(work.rows);
      continue;
    }
    try {
      await load(connection, loader);
      await work.run(connection);
      pending.resolve(0);
    } catch (error) {
      pending.reject(error);
    }
  }
  if (loader.due(LOAD_ROWS)) {
    // Acknowledged already: a failed load leaves the rows for the next one, whose caller sees the error.
    await load(connection, loader).catch(() => undefined);
  } else if (!loader.empty && !loadTimer) {
    loadTimer = setTimeout(() => void loadWaiting().catch(() => undefined), loadAfterMs);
  }
}

function readFrame(frame: Buffer): PackedDocuments {
  const read = decodeRecord(frame, 0);
  if (!read) throw new Error('A write for DuckDB arrived unreadable.');
  return read.record.documents;
}

/** Loads what waits, the timer for a later load no longer needed. */
async function load(connection: DuckDBConnection, loader: Loader): Promise<void> {
  clearTimeout(loadTimer);
  loadTimer = undefined;
  const frame = await loader.load(connection);
  // The log may let go of the segments these frames filled.
  if (frame !== undefined) port.postMessage({ loaded: frame } satisfies WriterNotice);
}

/** Appends writes to a table with its typed columns as they are now (`duckdb-append.ts`). */
function append(connection: DuckDBConnection, table: string, groups: Iterable<DocumentColumns[]>): Promise<void> {
  return appendGroups(connection, table, typedColumns.get(table) ?? [], groups);
}

function normalizeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = normalize(value);
  return out;
}

function normalize(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}
