/**
 * The embedded event engine: DuckDB, one columnar table per telemetry table, in `TELEMETRY_DIR`
 * (by default `DATA_DIR/telemetry`). Documents, parsed and checked here, are packed as columns into
 * one frame per write, appended to the ingest log (`append-log.ts`, group commit, flushed to disk)
 * and acknowledged; the frame then goes to the database's own thread (`duckdb-writer.ts`), which
 * loads DuckDB a row group at a time (decision 0033). The event loop keeps answering HTTP while
 * the log flushes and DuckDB loads.
 * Analytics run there, each on a connection of its own, on DuckDB's own threads (MVCC: readers see
 * the last commit), so a long query never holds up ingestion; DuckDB is sandboxed to its own file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors/app-error';
import type { Column } from '../mapping/column';
import type { MappingRecord } from '../mapping/table-mapping';
import { tableName, type ColumnDefinition, type WriterNotice, type WriterReply, type WriterRequest } from './duckdb-protocol';
import { duckdbColumnFromJson, duckdbDialect, duckdbOtherType } from './duckdb-dialect';
import type { EventEngine } from './engine';
import { slices } from './fill-slices';
import { packDocuments } from './packed-documents';
import { AppendLog } from './append-log';
import { encodeRecord } from './log-record';

const HOUR = 3_600_000;
/** Rows one fill statement updates at most, so appends wait at most that long between two. */
const FILL_ROWS = 200_000;

/**
 * Starts `duckdb-writer` on its own thread. Run from TypeScript sources (tsx), the thread registers
 * tsx's loader before importing it: Node 20 does not apply `--import` hooks to worker threads.
 */
function startWriter(workerData: { dir: string; queryTimeoutMs: number; loadAfterMs?: number }): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './duckdb-writer.ts' : './duckdb-writer.js', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry.href)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Telemetry used to live beside the shop's own data (`DATA_DIR/telemetry.duckdb`); it now has a
 * directory of its own, which can be a volume of its own. A file left at the old place moves once.
 */
export function moveOldTelemetryFile(dataDir: string, dir: string): void {
  const old = path.join(dataDir, 'telemetry.duckdb');
  const next = path.join(dir, 'telemetry.duckdb');
  if (old === next || !fs.existsSync(old) || fs.existsSync(next)) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '.wal']) if (fs.existsSync(old + suffix)) fs.renameSync(old + suffix, next + suffix);
}

type Request = WriterRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Opens (or creates) `telemetry.duckdb` in `dir`, sandboxed, on its own thread; queries stop after
 * `queryTimeoutMs`; acknowledged events wait at most `loadAfterMs` (default 5 s) to be loaded.
 */
export async function openDuckdbEngine(options: { dir: string; queryTimeoutMs: number; loadAfterMs?: number }): Promise<EventEngine> {
  const worker = startWriter(options);
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  let closing = false;
  // The thread keeps the process alive only while it owes an answer.
  worker.unref();

  let log: AppendLog | undefined;
  worker.on('message', (reply: WriterReply | WriterNotice) => {
    if ('loaded' in reply) {
      log?.loaded(reply.loaded);
      return;
    }
    const call = waiting.get(reply.id);
    if (!call) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.ok) call.resolve(reply.value);
    else call.reject(reply.error.code ? new AppError(reply.error.code, reply.error.details, reply.error.message) : new Error(reply.error.message));
  });
  const fail = (error: Error) => {
    failure ??= error;
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The DuckDB thread exited (${code}).`)));

  const call = <T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (failure) return Promise.reject(failure);
    if (closing && request.op !== 'close') return Promise.reject(new Error('The DuckDB engine is closing.'));
    const id = nextId++;
    if (waiting.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  };

  // The thread first loads what the log held at start; only then is the log written again.
  await call({ op: 'open' });
  const ingestLog = new AppendLog(options.dir);
  log = ingestLog;
  /** Writes not yet in the log: `close` waits for them. */
  const appending = new Set<Promise<void>>();

  const column = (column: Column): ColumnDefinition => ({ name: column.name, type: column.type, fromJson: duckdbColumnFromJson(column) });
  const select = <T = Record<string, unknown>[]>(sql: string, params: unknown[] = []) => call<T>({ op: 'select', sql, params });

  return {
    dialect: duckdbDialect,
    async createTable(table) {
      await call({ op: 'createTable', table });
    },
    async insert(table, documents, typed) {
      if (documents.length === 0) return { stored: 0 };
      if (failure) throw failure;
      if (closing) throw new Error('The DuckDB engine is closing.');
      // Durable once in the log (acknowledged then); DuckDB loads it later, and any query posted
      // after this resolves reaches the DuckDB thread after the write, so it sees it.
      const frame = encodeRecord(table, packDocuments(documents, typed));
      const written = ingestLog.append(frame).then((n) => {
        worker.postMessage({ op: 'load', id: 0, table, rows: documents.length, frame: frame.buffer as ArrayBuffer, n } satisfies WriterRequest, [frame.buffer as ArrayBuffer]);
      });
      appending.add(written);
      try {
        await written;
      } finally {
        appending.delete(written);
      }
      return { stored: documents.length };
    },
    select(sql, params) {
      return select(sql, params);
    },
    ids(table, from, to) {
      return call<string[]>({ op: 'column', sql: `SELECT id FROM ${tableName(table)} WHERE ts >= $1 AND ts < $2`, params: [BigInt(from), BigInt(to)] });
    },
    async sample(table, limit) {
      const rows = await select(`SELECT data FROM ${tableName(table)} ORDER BY ts DESC LIMIT ${Math.floor(limit)}`);
      return rows.map((row) => JSON.parse(String(row.data)) as Record<string, unknown>);
    },
    async loadMappings() {
      const rows = await select('SELECT tbl, mapping FROM telemetry_mappings');
      return new Map(rows.map((row) => [String(row.tbl), JSON.parse(String(row.mapping)) as MappingRecord]));
    },
    async saveMapping(table, record) {
      await call({ op: 'write', sql: 'INSERT OR REPLACE INTO telemetry_mappings VALUES ($1, $2)', params: [table, JSON.stringify(record)] });
    },
    async addColumns(table, columns) {
      await call({ op: 'addColumns', table, columns: columns.map(column) });
    },
    async fillColumns(table, columns) {
      const definitions = columns.map(column);
      // Rows stored since the columns exist carry their values; those from before have none yet.
      const unfilled = columns.map((c) => `"${c.name}" IS NULL`).join(' AND ');
      const hours = await select(`SELECT ts // ${HOUR} AS h, count(*) AS n FROM ${tableName(table)} WHERE ${unfilled} GROUP BY 1 ORDER BY 1`);
      const mixed = new Set<string>();
      for (const { from, to } of slices(hours, HOUR, FILL_ROWS)) {
        const [found] = await select(
          `SELECT ${columns.map((c, i) => `bool_or(${duckdbOtherType(c)}) AS m${i}`).join(', ')} FROM ${tableName(table)} WHERE ts >= $1 AND ts < $2 AND ${unfilled}`,
          [BigInt(from), BigInt(to)],
        );
        columns.forEach((c, i) => found?.[`m${i}`] === true && mixed.add(c.name));
        await call({ op: 'fill', table, columns: definitions, from, to });
      }
      return { mixed: [...mixed] };
    },
    async tableBytes(table) {
      const rows = await select(`SELECT coalesce(sum(strlen(data) + strlen(id)), 0) + count(*) * 64 AS n FROM ${tableName(table)}`);
      return Number(rows[0]?.n ?? 0);
    },
    async purge(table, before) {
      await call({ op: 'write', sql: `DELETE FROM ${tableName(table)} WHERE ts < $1`, params: [BigInt(Math.floor(before))] });
    },
    async close() {
      closing = true;
      // Writes on their way to the log reach the thread before it closes.
      await Promise.allSettled([...appending]);
      let loaded = false;
      try {
        if (!failure) {
          // The thread loads everything before it closes: the log's segments are then not needed.
          await call({ op: 'close' });
          loaded = true;
        }
      } finally {
        // Kept when the last load failed: the next start loads them.
        await ingestLog.close(loaded);
        failure ??= new Error('The DuckDB engine is closed.');
        await worker.terminate();
      }
    },
  };
}
