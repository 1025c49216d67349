/**
 * One acknowledged write as the ingest log keeps it (`append-log.ts`): its table and its documents
 * packed as columns (`packed-documents.ts`), framed so that a torn tail is found on replay.
 * Frame: payload length (u32), CRC-32 of the payload (u32), payload. Payload: header length (u32),
 * the JSON header, then the buffers in header order, each starting at a multiple of 8 bytes so a
 * typed array can be read where it lies. Text goes as UTF-8 (documents are checked to be valid
 * Unicode, so it decodes to the same string); the header keeps its length in characters to be sure.
 */
import { crc32 } from 'node:zlib';
import type { ColumnType } from '../mapping/column';
import type { PackedDocuments } from './packed-documents';

/** Frame header: payload length and its CRC-32. */
export const FRAME_BYTES = 8;

interface Header {
  table: string;
  /** The documents' text in characters, and each buffer's length in bytes, in order. */
  chars: number;
  columns: { name: string; type: ColumnType; shape: 'numbers' | 'flags' | 'strings'; chars?: number }[];
  sizes: number[];
}

/** A decoded record: the table written and the documents as they were posted to the DuckDB thread. */
export interface LogRecord {
  table: string;
  documents: PackedDocuments;
}

const pad = (n: number) => (8 - (n % 8)) % 8;

/** Frames one write for the log: every byte it needs, ready for one `writev`. */
export function encodeRecord(table: string, documents: PackedDocuments): Buffer {
  // Each part is a string (written as UTF-8 in place) or a typed array's bytes: no copy before the frame.
  const parts: (string | Uint8Array)[] = [documents.text, bytes(documents.ends), bytes(documents.timestamps)];
  const columns: Header['columns'] = [];
  for (const column of documents.columns) {
    const values = column.values;
    if ('text' in values) {
      columns.push({ name: column.name, type: column.type, shape: 'strings', chars: values.text.length });
      parts.push(values.text, bytes(values.ends), bytes(values.none));
    } else {
      columns.push({ name: column.name, type: column.type, shape: values instanceof Float64Array ? 'numbers' : 'flags' });
      parts.push(bytes(values));
    }
  }
  const sizes = parts.map((part) => (typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.byteLength));
  const header: Header = { table, chars: documents.text.length, columns, sizes };
  const head = JSON.stringify(header);
  const headBytes = Buffer.byteLength(head, 'utf8');
  const start = FRAME_BYTES + 4 + headBytes;
  let length = start + pad(start);
  for (const size of sizes) length += size + pad(size);
  // A buffer of its own (never a slice of Node's shared pool): it is transferred to the DuckDB thread.
  const frame = Buffer.from(new ArrayBuffer(length));
  frame.writeUInt32LE(headBytes, FRAME_BYTES);
  frame.write(head, FRAME_BYTES + 4, 'utf8');
  let at = start + pad(start);
  parts.forEach((part, i) => {
    const size = sizes[i]!;
    if (typeof part === 'string') frame.write(part, at, size, 'utf8');
    else frame.set(part, at);
    at += size + pad(size);
  });
  const payload = frame.subarray(FRAME_BYTES);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  return frame;
}

/**
 * Reads the record framed at `offset` of `data`: the record and where the next one starts, or
 * `undefined` when the bytes there are not a whole, intact record (the torn end of a write that
 * was never acknowledged).
 */
export function decodeRecord(data: Buffer, offset: number): { record: LogRecord; next: number } | undefined {
  if (offset + FRAME_BYTES > data.length) return undefined;
  const length = data.readUInt32LE(offset);
  const end = offset + FRAME_BYTES + length;
  if (length < 4 || end > data.length) return undefined;
  const payload = data.subarray(offset + FRAME_BYTES, end);
  if (crc32(payload) !== data.readUInt32LE(offset + 4)) return undefined;
  const headLength = payload.readUInt32LE(0);
  const header = JSON.parse(payload.toString('utf8', 4, 4 + headLength)) as Header;
  // Offsets within the frame, so the 8-byte alignment holds from where the frame starts.
  let at = FRAME_BYTES + 4 + headLength;
  at += pad(at);
  const frame = data.subarray(offset, end);
  const buffers = header.sizes.map((size) => {
    // A copy: the file's buffer is freed after replay, and typed arrays need their own aligned memory.
    const copy = new Uint8Array(size);
    copy.set(frame.subarray(at, at + size));
    at += size + pad(size);
    return copy;
  });
  let next = 0;
  const take = () => buffers[next++]!;
  const text = (chars: number) => {
    const value = Buffer.from(take()).toString('utf8');
    if (value.length !== chars) throw new Error('An ingest log record does not decode to the text it was written from.');
    return value;
  };
  const documentText = text(header.chars);
  const ends = new Uint32Array(take().buffer);
  const timestamps = new Float64Array(take().buffer);
  const columns = header.columns.map((column) => {
    const values =
      column.shape === 'strings'
        ? { text: text(column.chars ?? 0), ends: new Uint32Array(take().buffer), none: take() }
        : column.shape === 'numbers'
          ? new Float64Array(take().buffer)
          : take();
    return { name: column.name, type: column.type, values };
  });
  return { record: { table: header.table, documents: { text: documentText, ends, timestamps, columns } }, next: end };
}

function bytes(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
