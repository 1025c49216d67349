/**
 * Loads acknowledged writes into DuckDB a row group at a time (decision 0033). Writes wait here,
 * by table, once they are in the ingest log (`append-log.ts`); a load appends each table's in one
 * appender and answers the number of the last log frame it took, so the log can let go of it.
 * A load cut short (a crash, a failed append) may have committed part of what it held: the writes
 * read back from the log at start, and those kept after a failed load, are first checked against
 * the table by id and time, which identify a stored event (an id is stored once a day), so nothing
 * is stored twice.
 */
import { BIGINT, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { tableName } from './duckdb-protocol';
import type { DocumentColumns, PackedColumn } from './packed-documents';

/** Appends writes to a table, a group at a time, and commits (`duckdb-writer.ts`). */
export type AppendRows = (connection: DuckDBConnection, table: string, groups: Iterable<DocumentColumns[]>) => Promise<void>;

/** A waiting write: its row count, and its columns, read when loaded (a frame waits as bytes, which the GC does not walk). */
interface Waiting {
  rows: number;
  read: () => DocumentColumns;
}

/** Rows read into JS at once during a load: one of DuckDB's data chunks. */
const GROUP_ROWS = 2048;

export class Loader {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly rows = new Map<string, number>();
  /** Some waiting rows may be in DuckDB already (read back at start, or left by a failed load). */
  private unsure = false;
  /** The number of the last log frame kept. */
  private lastFrame = 0;

  constructor(private readonly appendRows: AppendRows) {}

  /** Holds writes read back from the log at start: some may have been loaded just before a stop. */
  recover(table: string, columns: DocumentColumns): void {
    this.keep(table, { rows: columns.ids.length, read: () => columns });
    this.unsure = true;
  }

  /** Holds an acknowledged write (already in the log as frame number `frame`) until the next load. */
  keep(table: string, write: Waiting, frame = this.lastFrame): void {
    this.lastFrame = frame;
    const list = this.waiting.get(table) ?? [];
    list.push(write);
    this.waiting.set(table, list);
    this.rows.set(table, (this.rows.get(table) ?? 0) + write.rows);
  }

  /** Whether a table has a row group's worth waiting. */
  due(rowGroup: number): boolean {
    for (const rows of this.rows.values()) if (rows >= rowGroup) return true;
    return false;
  }

  get empty(): boolean {
    return this.waiting.size === 0;
  }

  /**
   * Loads every waiting write and answers the last frame taken (`undefined` when nothing waited).
   * A table that fails keeps its rows and the error is thrown.
   */
  async load(connection: DuckDBConnection): Promise<number | undefined> {
    if (this.waiting.size === 0) return undefined;
    for (const [table, writes] of this.waiting) {
      try {
        // Rare (after a crash or a failed load): every row read at once, to be checked in one query.
        const groups = this.unsure ? [await notStored(connection, table, writes.map((w) => w.read()))] : inGroups(writes);
        await this.appendRows(connection, table, groups);
      } catch (error) {
        // The appender commits as it goes: part of the table's rows may be in.
        this.unsure = true;
        throw error;
      }
      this.waiting.delete(table);
      this.rows.delete(table);
    }
    this.unsure = false;
    return this.lastFrame;
  }
}

/** The writes read a group of about `GROUP_ROWS` rows at a time. */
function* inGroups(writes: readonly Waiting[]): Iterable<DocumentColumns[]> {
  let group: DocumentColumns[] = [];
  let rows = 0;
  for (const write of writes) {
    group.push(write.read());
    rows += write.rows;
    if (rows >= GROUP_ROWS) {
      yield group;
      group = [];
      rows = 0;
    }
  }
  if (group.length > 0) yield group;
}

/** The writes without the rows the table already holds (the same id at the same time). */
async function notStored(connection: DuckDBConnection, table: string, writes: DocumentColumns[]): Promise<DocumentColumns[]> {
  const ids = writes.flatMap((w) => w.ids);
  const times = writes.flatMap((w) => Array.from(w.timestamps, (t) => BigInt(t)));
  const found = await connection.runAndReadAll(
    `WITH k AS (SELECT unnest($1) AS id, unnest($2) AS ts, unnest(range(len($1))) AS i)
     SELECT k.i AS i FROM k JOIN ${tableName(table)} e ON e.id = k.id AND e.ts = k.ts`,
    [listValue(ids), listValue(times)],
    [LIST(VARCHAR), LIST(BIGINT)],
  );
  const stored = new Set((found.getColumnsJS()[0] ?? []).map(Number));
  if (stored.size === 0) return writes;
  let at = 0;
  return writes.map((write) => {
    const first = at;
    at += write.ids.length;
    return pick(write, (i) => !stored.has(first + i));
  });
}

/** The rows of a write that `keep` accepts, every column alike. */
function pick(write: DocumentColumns, keep: (row: number) => boolean): DocumentColumns {
  const rows = write.ids.map((_, i) => i).filter(keep);
  const columns = write.columns.map((column): PackedColumn => {
    const values = column.values;
    if (Array.isArray(values)) return { ...column, values: rows.map((i) => values[i] ?? null) };
    const picked = values instanceof Float64Array ? new Float64Array(rows.length) : new Uint8Array(rows.length);
    rows.forEach((i, k) => (picked[k] = values[i]!));
    return { ...column, values: picked };
  });
  return {
    ids: rows.map((i) => write.ids[i]!),
    timestamps: Float64Array.from(rows, (i) => write.timestamps[i]!),
    json: rows.map((i) => write.json[i]!),
    columns,
  };
}
