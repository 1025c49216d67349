/**
 * Appends to an events table from the DuckDB thread (`duckdb-writer.ts`): writes' rows as one run
 * per column, copied into DuckDB's data chunks (`duckdb-chunk.ts`) and given to one appender.
 */
import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, VARCHAR, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { ColumnType } from '../mapping/column';
import { fillChunk, type ChunkColumn } from './duckdb-chunk';
import type { DocumentColumns } from './packed-documents';

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;
const DUCKDB_TYPES: Record<ColumnType, DuckDBType> = { VARCHAR, DOUBLE, BOOLEAN };

/**
 * Appends all rows as columnar chunks and commits: the cheapest path measured (about twice an
 * INSERT of bound lists), synchronous on this thread. Every typed column of the table is filled:
 * from the write's values when it brought them, none when it was packed before the column existed.
 * The writes come in groups, read one group at a time, so a row group's worth of documents is
 * never held as JS strings at once (the appender keeps what it was given).
 */
export async function appendGroups(
  connection: DuckDBConnection,
  table: string,
  typed: readonly { name: string; type: ColumnType }[],
  groups: Iterable<DocumentColumns[]>,
): Promise<void> {
  const types = [VARCHAR, BIGINT, VARCHAR, ...typed.map((c) => DUCKDB_TYPES[c.type])];
  const appender = await connection.createAppender(`ev_${table}`);
  try {
    for (const writes of groups) {
      const { rows, all } = concatenate(typed, writes);
      for (let start = 0; start < rows; start += CHUNK_ROWS) {
        const end = Math.min(start + CHUNK_ROWS, rows);
        const chunk = DuckDBDataChunk.create(types, end - start);
        fillChunk(chunk, all, start, end);
        appender.appendDataChunk(chunk);
      }
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

/** The writes' rows as one run per column of the table (`id, ts, data`, then its typed columns). */
function concatenate(typed: readonly { name: string; type: ColumnType }[], writes: DocumentColumns[]): { rows: number; all: ChunkColumn[] } {
  const rows = writes.reduce((n, w) => n + w.ids.length, 0);
  const ids: string[] = [];
  const json: string[] = [];
  const timestamps = new Float64Array(rows);
  const columns: ChunkColumn[] = typed.map((column): ChunkColumn => {
    if (column.type === 'DOUBLE') return { kind: 'double', values: new Float64Array(rows).fill(NaN) };
    if (column.type === 'BOOLEAN') return { kind: 'boolean', values: new Uint8Array(rows).fill(2) };
    return { kind: 'varchar', values: new Array<string | null>(rows).fill(null) };
  });
  let at = 0;
  for (const write of writes) {
    const count = write.ids.length;
    for (let i = 0; i < count; i++) {
      ids.push(write.ids[i]!);
      json.push(write.json[i]!);
    }
    timestamps.set(write.timestamps, at);
    for (const given of write.columns) {
      const index = typed.findIndex((c) => c.name === given.name);
      if (index < 0) continue;
      const target = columns[index]!;
      if (target.kind === 'varchar') {
        const source = given.values as (string | null)[];
        for (let i = 0; i < count; i++) target.values[at + i] = source[i] ?? null;
      } else {
        (target.values as Float64Array | Uint8Array).set(given.values as Float64Array & Uint8Array, at);
      }
    }
    at += count;
  }
  const all: ChunkColumn[] = [{ kind: 'varchar', values: ids }, { kind: 'bigint', values: timestamps }, { kind: 'varchar', values: json }, ...columns];
  return { rows, all };
}
