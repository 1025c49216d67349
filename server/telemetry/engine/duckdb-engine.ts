/**
 * The embedded event engine: DuckDB, one columnar table per telemetry table, in `TELEMETRY_DIR`
 * (by default `DATA_DIR/telemetry`). The database lives on its own thread (`duckdb-writer.ts`):
 * documents, parsed and checked here, go there packed as columns to be appended with group commit,
 * so the event loop keeps answering HTTP (and parsing the next bodies) while a commit runs.
 * Analytics run there, each on a connection of its own, on DuckDB's own threads (MVCC: readers see
 * the last commit), so a long query never holds up ingestion; DuckDB is sandboxed to its own file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors/app-error';
import type { Field } from '../fields';
import { tableName, type WriterReply, type WriterRequest } from './duckdb-protocol';
import { quoteSegment, type EventEngine, type SqlDialect } from './engine';
import { packDocuments, transferables } from './packed-documents';

const jsonPath = (field: Extract<Field, { kind: 'data' }>): string => `'$.${field.path.map(quoteSegment).join('.')}'`;

export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  source: (table) => ({ from: tableName(table), where: undefined }),
  text: (field) => (field.kind === 'timestamp' ? 'CAST(ts AS VARCHAR)' : `json_extract_string(data, ${jsonPath(field)})`),
  number: (field) => (field.kind === 'timestamp' ? 'ts' : `TRY_CAST(json_extract_string(data, ${jsonPath(field)}) AS DOUBLE)`),
  percentiles: (expr, fractions) => `percentile_cont([${fractions.join(', ')}]) WITHIN GROUP (ORDER BY ${expr})`,
  // A BIGINT parameter keeps the comparison on the raw column, so row groups outside it are skipped.
  time: (ms) => BigInt(Math.floor(ms)),
  // DuckDB evaluates a repeated expression once; a fence would only cost it its parallel plan.
  fence: '',
};

/**
 * Starts `duckdb-writer` on its own thread. Run from TypeScript sources (tsx), the thread registers
 * tsx's loader before importing it: Node 20 does not apply `--import` hooks to worker threads.
 */
function startWriter(workerData: { dir: string; queryTimeoutMs: number }): Worker {
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

/** Opens (or creates) `telemetry.duckdb` in `dir`, sandboxed, on its own thread; queries stop after `queryTimeoutMs`. */
export async function openDuckdbEngine(options: { dir: string; queryTimeoutMs: number }): Promise<EventEngine> {
  const worker = startWriter(options);
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  // The thread keeps the process alive only while it owes an answer.
  worker.unref();

  worker.on('message', (reply: WriterReply) => {
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
    const id = nextId++;
    if (waiting.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  };

  return {
    dialect: duckdbDialect,
    async createTable(table) {
      await call({ op: 'createTable', table });
    },
    async insert(table, documents) {
      if (documents.length === 0) return { stored: 0 };
      const packed = packDocuments(documents);
      return call({ op: 'insert', table, documents: packed }, transferables(packed));
    },
    select(sql, params) {
      return call({ op: 'select', sql, params });
    },
    async tableBytes(table) {
      const rows = await call<Record<string, unknown>[]>({ op: 'select', sql: `SELECT coalesce(sum(strlen(data) + strlen(id)), 0) + count(*) * 64 AS n FROM ${tableName(table)}`, params: [] });
      return Number(rows[0]?.n ?? 0);
    },
    async purge(table, before) {
      await call({ op: 'purge', table, before });
    },
    async close() {
      if (!failure) await call({ op: 'close' });
      failure ??= new Error('The DuckDB engine is closed.');
      await worker.terminate();
    },
  };
}
