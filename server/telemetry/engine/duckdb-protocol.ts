/** Messages between the event loop (`duckdb-engine.ts`) and the DuckDB thread (`duckdb-writer.ts`). */
import type { ErrorCode } from '../../errors/messages';
import type { PackedDocuments } from './packed-documents';

export const tableName = (table: string): string => `"ev_${table}"`;

export type WriterRequest = { id: number } & (
  | { op: 'createTable'; table: string }
  | { op: 'insert'; table: string; documents: PackedDocuments }
  | { op: 'select'; sql: string; params: unknown[] }
  | { op: 'purge'; table: string; before: number }
  | { op: 'close' }
);

/** An `AppError` crosses as its code, details and message; anything else as its message. */
export type WriterReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code?: ErrorCode; details?: unknown; message: string } };
