/**
 * Fills an appender's data chunk from typed arrays: fixed-width columns (times, numbers, booleans)
 * are copied into DuckDB's vectors in one call each, with their validity mask built as bits,
 * rather than value by value (what `setColumns` does, about 0.1 µs a value). Strings of up to 12
 * UTF-8 bytes, which DuckDB keeps inline in the vector (`duckdb_string_t`), are written there the
 * same way; longer ones go through the API one by one, as DuckDB must own their bytes (about
 * 0.2 µs each).
 */
import duckdb from '@duckdb/node-bindings';
import type { DuckDBDataChunk } from '@duckdb/node-api';

/** A column's values for a run of rows: what the packed documents carry, concatenated. */
export type ChunkColumn =
  | { kind: 'varchar'; values: (string | null)[] }
  /** Milliseconds (integers below 2^53), written as BIGINT. */
  | { kind: 'bigint'; values: Float64Array }
  /** NaN for none. */
  | { kind: 'double'; values: Float64Array }
  /** 0, 1; 2 for none. */
  | { kind: 'boolean'; values: Uint8Array };

const TWO_32 = 2 ** 32;
/** `duckdb_string_t`: a 4-byte length, then 12 bytes of inline text (or a prefix and a pointer). */
const STRING_BYTES = 16;
const INLINE_BYTES = 12;
const encoder = new TextEncoder();

/** Writes rows `start` to `end` of every column into `chunk` (created for `end - start` rows). */
export function fillChunk(chunk: DuckDBDataChunk, columns: readonly ChunkColumn[], start: number, end: number): void {
  const rows = end - start;
  columns.forEach((column, c) => {
    const vector = duckdb.data_chunk_get_vector(chunk.chunk, c);
    let invalid: Uint8Array<ArrayBuffer> | undefined;
    const markInvalid = (row: number) => {
      invalid ??= validAll(rows);
      invalid[row >> 3]! &= ~(1 << (row & 7));
    };
    if (column.kind === 'varchar') {
      // 16 bytes a string: its length, then its bytes when they fit in 12 (zero-padded, as DuckDB compares them).
      const entries = new Uint8Array(rows * STRING_BYTES);
      const lengths = new Uint32Array(entries.buffer);
      const outside: number[] = [];
      for (let i = 0; i < rows; i++) {
        const value = column.values[start + i];
        if (value === null || value === undefined) {
          markInvalid(i);
          continue;
        }
        if (value.length <= INLINE_BYTES) {
          const at = i * STRING_BYTES;
          // ASCII (the shop's names, versions, kinds) byte by byte: a call to the encoder costs more than the copy.
          let k = 0;
          while (k < value.length) {
            const code = value.charCodeAt(k);
            if (code >= 0x80) break;
            entries[at + 4 + k] = code;
            k++;
          }
          if (k === value.length) {
            lengths[at / 4] = k;
            continue;
          }
          const { read, written } = encoder.encodeInto(value, entries.subarray(at + 4, at + STRING_BYTES));
          if (read === value.length) {
            lengths[at / 4] = written;
            continue;
          }
          entries.fill(0, at + 4, at + STRING_BYTES);
        }
        outside.push(i);
      }
      duckdb.copy_data_to_vector(vector, 0, entries.buffer, 0, entries.byteLength);
      for (const i of outside) duckdb.vector_assign_string_element(vector, i, column.values[start + i]!);
    } else if (column.kind === 'bigint') {
      // Little-endian 64-bit integers from two 32-bit halves: no BigInt per value.
      const words = new Uint32Array(rows * 2);
      for (let i = 0; i < rows; i++) {
        const value = column.values[start + i]!;
        words[2 * i] = value % TWO_32;
        words[2 * i + 1] = Math.floor(value / TWO_32);
      }
      duckdb.copy_data_to_vector(vector, 0, words.buffer, 0, words.byteLength);
    } else if (column.kind === 'double') {
      const values = column.values.slice(start, end);
      for (let i = 0; i < rows; i++) if (Number.isNaN(values[i])) markInvalid(i);
      duckdb.copy_data_to_vector(vector, 0, values.buffer, 0, values.byteLength);
    } else {
      const values = column.values.slice(start, end);
      for (let i = 0; i < rows; i++) {
        if (values[i] === 2) {
          values[i] = 0;
          markInvalid(i);
        }
      }
      duckdb.copy_data_to_vector(vector, 0, values.buffer, 0, values.byteLength);
    }
    if (invalid) {
      duckdb.vector_ensure_validity_writable(vector);
      duckdb.copy_data_to_vector_validity(vector, 0, invalid.buffer, 0, invalid.byteLength);
    }
  });
}

/** A validity mask (64-bit words of bits, least significant first) with every row valid. */
function validAll(rows: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Math.ceil(rows / 64) * 8).fill(0xff);
}
