/**
 * The DuckDB thread (a `node:worker_threads` worker started by `duckdb-engine.ts`): it owns the
 * database file, both connections and the group-commit queue. Bulk bodies arrive as raw bytes and
 * are parsed, checked and appended here, so the appender's synchronous append-and-commit never
 * holds up the event loop that answers HTTP; analytics run on the reader connection (DuckDB's own
 * threads, MVCC), so a long query never holds up ingestion.
 */
import path from 'node:path';
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { BIGINT, DuckDBDataChunk, DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { AppError } from '../../errors/app-error';
import { checkBulk, parseBulkBody } from '../ingest';
import { tableName, type WriterReply, type WriterRequest } from './duckdb-protocol';
import type { StoredDocument } from './engine';
import { WriteQueue, type Pending } from './write-queue';

interface TableWrite {
  table: string;
  documents: StoredDocument[];
}

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };

fs.mkdirSync(dataDir, { recursive: true });
const opened = (async () => {
  const instance = await DuckDBInstance.create(path.join(dataDir, 'telemetry.duckdb'));
  const writer = await instance.connect();
  const reader = await instance.connect();
  return { instance, writer, reader };
})();
// Requests already waiting in the port when a commit could start go into that commit.
const queue = new WriteQueue<TableWrite>(async (batch) => flush((await opened).writer, batch), (start) => setImmediate(start));

const store = async (table: string, documents: StoredDocument[]): Promise<number> => (documents.length === 0 ? 0 : queue.push({ table, documents }));

async function handle(request: WriterRequest): Promise<unknown> {
  const { writer, reader, instance } = await opened;
  switch (request.op) {
    case 'createTable':
      await writer.run(`CREATE TABLE IF NOT EXISTS ${tableName(request.table)} (id VARCHAR PRIMARY KEY, ts BIGINT NOT NULL, data VARCHAR NOT NULL)`);
      return undefined;
    case 'insert':
      return { stored: await store(request.table, request.documents) };
    case 'bulkBody': {
      const { valid, rejected } = checkBulk(parseBulkBody(request.body), request.now);
      await store(request.table, valid);
      return { accepted: valid.length, rejected };
    }
    case 'select': {
      const result = await reader.runAndReadAll(request.sql, request.params as DuckDBValue[]);
      return (result.getRowObjectsJS() as Record<string, unknown>[]).map(normalizeRow);
    }
    case 'purge':
      await queue.idle();
      await writer.run(`DELETE FROM ${tableName(request.table)} WHERE ts < $1`, [BigInt(Math.floor(request.before))]);
      return undefined;
    case 'close':
      await queue.idle();
      reader.closeSync();
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
    // The same id twice in one commit would fail the primary key: keep the first.
    const seen = new Set<string>();
    const counts = writes.map(() => 0);
    const rows: StoredDocument[] = [];
    writes.forEach((w, i) => {
      for (const doc of w.item.documents) {
        if (seen.has(doc.id)) continue;
        seen.add(doc.id);
        rows.push(doc);
        counts[i]!++;
      }
    });
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
 * Appends all rows as columnar chunks and commits: the cheapest path measured (about twice an
 * INSERT of bound lists), synchronous on this thread for ~2.5 ms per 500 rows.
 */
async function appendAll(connection: DuckDBConnection, table: string, rows: StoredDocument[]): Promise<void> {
  const appender = await connection.createAppender(`ev_${table}`);
  try {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const part = rows.slice(start, start + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create([VARCHAR, BIGINT, VARCHAR], part.length);
      chunk.setColumns([part.map((r) => r.id), part.map((r) => BigInt(r.timestamp)), part.map((r) => r.json)]);
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

function columns(rows: StoredDocument[]): [DuckDBValue[], DuckDBType[]] {
  return [
    [listValue(rows.map((r) => r.id)), listValue(rows.map((r) => BigInt(r.timestamp))), listValue(rows.map((r) => r.json))],
    [LIST(VARCHAR), LIST(BIGINT), LIST(VARCHAR)],
  ];
}

async function insertIgnoringDuplicates(connection: DuckDBConnection, table: string, rows: StoredDocument[]): Promise<number> {
  const result = await connection.run(`INSERT OR IGNORE INTO ${tableName(table)} SELECT unnest($1), unnest($2), unnest($3)`, ...columns(rows));
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
