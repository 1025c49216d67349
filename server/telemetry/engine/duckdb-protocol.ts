/** Messages between the event loop (`duckdb-engine.ts`) and the DuckDB thread (`duckdb-writer.ts`). */
import type { ErrorCode } from '../../errors/messages';
import type { ColumnType } from '../mapping/column';

export const tableName = (table: string): string => `"ev_${table}"`;

/** A typed column as the DuckDB thread needs it: its name, type, and the SQL that reads its value from a row's JSON. */
export interface ColumnDefinition {
  name: string;
  type: ColumnType;
  fromJson: string;
}

export type WriterRequest = { id: number } & (
  /** Answers once the thread loaded what the ingest log held at start (and deleted it). */
  | { op: 'open' }
  | { op: 'createTable'; table: string }
  /** A write already in the ingest log as frame number `n` (`log-record.ts`), to be loaded; nothing is answered. */
  | { op: 'load'; table: string; rows: number; frame: ArrayBuffer; n: number }
  | { op: 'select'; sql: string; params: unknown[] }
  /** One column of a query's answer as an array (the ids of a day: no object per row). */
  | { op: 'column'; sql: string; params: unknown[] }
  /** A statement on the writer connection, in turn with the writes (mappings, purges). */
  | { op: 'write'; sql: string; params: unknown[] }
  | { op: 'addColumns'; table: string; columns: ColumnDefinition[] }
  /** Fills columns from the JSON for the rows with `from <= ts < to`. */
  | { op: 'fill'; table: string; columns: ColumnDefinition[]; from: number; to: number }
  | { op: 'close' }
);

/** An `AppError` crosses as its code, details and message; anything else as its message. */
export type WriterReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code?: ErrorCode; details?: unknown; message: string } };

/** Sent by the DuckDB thread unasked: every log frame up to `loaded` is in DuckDB. */
export type WriterNotice = { loaded: number };
