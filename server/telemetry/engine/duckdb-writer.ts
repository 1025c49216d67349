/**
 * The DuckDB thread (a `node:worker_threads` worker started by `duckdb-engine.ts`): it owns the
 * database file, the writer connection and the group-commit queue. Documents arrive checked and packed
 * as columns and are appended here, so the appender's synchronous append-and-commit never holds up
 * the event loop, which answers HTTP and parses the next bodies meanwhile (the two threads share
 * the machine's cores); analytics run on a connection each (DuckDB's own threads, MVCC), so a
 * long query never holds up ingestion.
 */
import path from 'node:path';
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { BIGINT, DuckDBDataChunk, DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { AppError } from '../../errors/app-error';
import { tableName, type WriterReply, type WriterRequest } from './duckdb-protocol';
import { unpackColumns, type DocumentColumns } from './packed-documents';
import { WriteQueue, type Pending } from './write-queue';

interface TableWrite {
  table: string;
  columns: DocumentColumns;
}

/** A commit's rows as the appender's columns. */
interface Rows {
  ids: string[];
  timestamps: bigint[];
  json: string[];
}

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

const port = parentPort!;
const { dir, queryTimeoutMs } = workerData as { dir: string; queryTimeoutMs: number };

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

fs.mkdirSync(dir, { recursive: true });
const opened = (async () => {
  const instance = await DuckDBInstance.create(path.join(dir, 'telemetry.duckdb'), SANDBOX);
  const writer = await instance.connect();
  return { instance, writer };
})();

/** Runs one analytics statement on a connection of its own, interrupted when it runs past the timeout. */
async function select(instance: DuckDBInstance, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const connection = await instance.connect();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, queryTimeoutMs);
  try {
    const result = await connection.runAndReadAll(sql, params as DuckDBValue[]);
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

// Requests already waiting in the port when a commit could start go into that commit.
const queue = new WriteQueue<TableWrite>(async (batch) => flush((await opened).writer, batch), (start) => setImmediate(start));

async function handle(request: WriterRequest): Promise<unknown> {
  const { writer, instance } = await opened;
  switch (request.op) {
    case 'createTable':
      await writer.run(`CREATE TABLE IF NOT EXISTS ${tableName(request.table)} (id VARCHAR PRIMARY KEY, ts BIGINT NOT NULL, data VARCHAR NOT NULL)`);
      return undefined;
    case 'insert':
      return { stored: await queue.push({ table: request.table, columns: unpackColumns(request.documents) }) };
    case 'select': {
      // Each query on its own connection (MVCC: it sees the last commit), so one can be interrupted alone.
      const running = select(instance, request.sql, request.params);
      selects.add(running);
      void running.then(
        () => selects.delete(running),
        () => selects.delete(running),
      );
      return running;
    }
    case 'purge':
      await queue.idle();
      await writer.run(`DELETE FROM ${tableName(request.table)} WHERE ts < $1`, [BigInt(Math.floor(request.before))]);
      return undefined;
    case 'close':
      await queue.idle();
      // Closing the instance under a running query aborts the process from native code: let them end first.
      await Promise.allSettled([...selects]);
      writer.closeSync();
      instance.closeSync();
      return undefined;
  }
}

port.on('message', (request: WriterRequest) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies WriterReply),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: toWire(error) } satisfies WriterReply),
  );
});

function toWire(error: unknown): Extract<WriterReply, { ok: false }>['error'] {
  if (error instanceof AppError) return { code: error.code, details: error.details, message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** Writes every queued batch: one appender commit per table, the fast path when ids are new. */
async function flush(connection: DuckDBConnection, batch: Pending<TableWrite>[]): Promise<void> {
  const byTable = new Map<string, Pending<TableWrite>[]>();
  for (const p of batch) {
    const list = byTable.get(p.item.table) ?? [];
    list.push(p);
    byTable.set(p.item.table, list);
  }
  for (const [table, writes] of byTable) {
    const { rows, counts } = firstOfEachId(writes.map((w) => w.item.columns));
    try {
      await appendAll(connection, table, rows);
    } catch (error) {
      if (!String((error as Error).message).includes('Duplicate key')) {
        for (const w of writes) w.reject(error);
        continue;
      }
      // Some ids were stored before (a client retried): the append was rolled back whole, so insert
      // the rows again skipping existing ids. Slower, and only taken when a duplicate shows up.
      try {
        const stored = await insertIgnoringDuplicates(connection, table, rows);
        writes.forEach((w, i) => w.resolve(i === 0 ? stored : 0));
        continue;
      } catch (retryError) {
        for (const w of writes) w.reject(retryError);
        continue;
      }
    }
    writes.forEach((w, i) => w.resolve(counts[i]!));
  }
}

/**
 * The rows of one commit: every write's columns end to end, keeping only the first of each id (the
 * same id twice in one commit would fail the primary key), and how many rows each write gave.
 */
function firstOfEachId(writes: DocumentColumns[]): { rows: Rows; counts: number[] } {
  const seen = new Set<string>();
  const rows: Rows = { ids: [], timestamps: [], json: [] };
  const counts = writes.map((columns) => {
    let count = 0;
    for (let i = 0; i < columns.ids.length; i++) {
      const id = columns.ids[i]!;
      if (seen.has(id)) continue;
      seen.add(id);
      rows.ids.push(id);
      rows.timestamps.push(BigInt(columns.timestamps[i]!));
      rows.json.push(columns.json[i]!);
      count++;
    }
    return count;
  });
  return { rows, counts };
}

/**
 * Appends all rows as columnar chunks and commits: the cheapest path measured (about twice an
 * INSERT of bound lists), synchronous on this thread for ~2.5 ms per 500 rows.
 */
async function appendAll(connection: DuckDBConnection, table: string, rows: Rows): Promise<void> {
  const appender = await connection.createAppender(`ev_${table}`);
  try {
    for (let start = 0; start < rows.ids.length; start += CHUNK_ROWS) {
      const end = Math.min(start + CHUNK_ROWS, rows.ids.length);
      const chunk = DuckDBDataChunk.create([VARCHAR, BIGINT, VARCHAR], end - start);
      chunk.setColumns([rows.ids.slice(start, end), rows.timestamps.slice(start, end), rows.json.slice(start, end)]);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    try {
      appender.closeSync();
    } catch {
      // Closing re-reports the flush error, which the caller already has.
    }
  }
}

async function insertIgnoringDuplicates(connection: DuckDBConnection, table: string, rows: Rows): Promise<number> {
  const values: DuckDBValue[] = [listValue(rows.ids), listValue(rows.timestamps), listValue(rows.json)];
  const types: DuckDBType[] = [LIST(VARCHAR), LIST(BIGINT), LIST(VARCHAR)];
  const result = await connection.run(`INSERT OR IGNORE INTO ${tableName(table)} SELECT unnest($1), unnest($2), unnest($3)`, values, types);
  return Number(result.rowsChanged);
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
