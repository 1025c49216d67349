/** Checks one incoming document and prepares it for storage; a bad one gets a reason, not an exception. */
import type { StoredDocument } from './engine/engine';

export const MAX_DOCUMENT_BYTES = 32 * 1024;
/** How far ahead of the server's clock an event may be (phones' clocks drift); later ones would never expire. */
export const MAX_FUTURE_MS = 5 * 60_000;
export const MAX_NESTING = 20;
const MAX_ID_LENGTH = 256;
const LONE_SURROGATE = /\p{Surrogate}/u;

export interface Rejection {
  code: 'invalid-document';
  message: string;
}

export type Checked = { ok: true; document: StoredDocument } | { ok: false; reason: Rejection };

const reject = (message: string): Checked => ({ ok: false, reason: { code: 'invalid-document', message } });

/** Validates `{id, timestamp?, data}`; the timestamp defaults to `now`. */
export function checkDocument(input: unknown, now: number): Checked {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return reject('A document must be a JSON object.');
  const doc = input as Record<string, unknown>;
  const id = doc.id;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return reject('A document needs an id (a string).');
  const idText = String(id);
  if (idText.length === 0 || idText.length > MAX_ID_LENGTH) return reject(`A document id must be 1 to ${MAX_ID_LENGTH} characters.`);
  // A lone surrogate (`"\ud800"` in JSON) has no UTF-8 form: stored, two such ids would become one.
  if (LONE_SURROGATE.test(idText)) return reject('A document id must be valid Unicode text (it has an unpaired surrogate escape).');
  // PostgreSQL text and jsonb cannot hold NUL: refused on both stores, so they keep the same events.
  if (idText.includes('\u0000')) return reject('A document id must not contain the NUL character.');
  let timestamp = now;
  if (doc.timestamp !== undefined && doc.timestamp !== null) {
    if (typeof doc.timestamp !== 'number' || !Number.isSafeInteger(doc.timestamp) || doc.timestamp < 0) {
      return reject('timestamp must be milliseconds since the epoch.');
    }
    if (doc.timestamp > now + MAX_FUTURE_MS) return reject('timestamp is more than 5 minutes ahead of the server\'s clock.');
    timestamp = doc.timestamp;
  }
  const data = doc.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return reject('data must be a JSON object.');
  // One walk instead of serialising: the JSON text is written only when it is stored (usually just
  // the part no typed column holds) or when the document may be near the size limit.
  const scan = scanData(data as Record<string, unknown>);
  if (scan.tooDeep) return reject(`data is nested deeper than ${MAX_NESTING} levels.`);
  // Unpaired surrogates have no UTF-8 form; stored, such text is JSON that DuckDB and PostgreSQL
  // refuse to read, and one such event would break every query over its table.
  if (scan.loneSurrogate) return reject('data must be valid Unicode text (it has an unpaired surrogate escape).');
  if (scan.nul) return reject('data must not contain the NUL character.');
  let json: string | undefined;
  // The bound is what the JSON could take at most; only when it passes the limit are the bytes measured.
  if (scan.bound > MAX_DOCUMENT_BYTES) {
    json = JSON.stringify(data);
    if (Buffer.byteLength(json) > MAX_DOCUMENT_BYTES) return reject('A document is larger than 32 KB.');
  }
  return { ok: true, document: new CheckedDocument(idText, timestamp, data as Record<string, unknown>, scan.length, json) };
}

/** A valid document; its data's JSON text is written once, when first asked for. */
export class CheckedDocument implements StoredDocument {
  constructor(
    readonly id: string,
    readonly timestamp: number,
    readonly data: Record<string, unknown>,
    /** Its data's JSON length, about (strings and keys exact, each number as 8): what size caps count. */
    readonly size: number,
    private text: string | undefined,
  ) {}

  get json(): string {
    return (this.text ??= JSON.stringify(this.data));
  }
}

/** What one walk over a document's data finds. */
interface DataScan {
  tooDeep: boolean;
  loneSurrogate: boolean;
  nul: boolean;
  /** At most the bytes of its JSON text: 6 a UTF-16 unit in a string or key (`\u001f`), 24 a number. */
  bound: number;
  length: number;
}

function scanData(data: Record<string, unknown>): DataScan {
  const scan: DataScan = { tooDeep: false, loneSurrogate: false, nul: false, bound: 0, length: 0 };
  const text = (value: string, extra: number) => {
    scan.bound += 6 * value.length + extra;
    scan.length += value.length + extra;
    if (value.includes('\u0000')) scan.nul = true;
    // Node ≥ 20 has it; the TypeScript lib this project targets does not declare it yet.
    if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) scan.loneSurrogate = true;
  };
  const visit = (value: object, level: number): void => {
    // `data` itself is level 1, as a client counts levels of braces.
    if (level > MAX_NESTING) {
      scan.tooDeep = true;
      return;
    }
    scan.bound += 2;
    scan.length += 2;
    const isArray = Array.isArray(value);
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      // Quotes and colon for a key, a comma for every member.
      if (isArray) {
        scan.bound += 1;
        scan.length += 1;
      } else text(key, 4);
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'string') text(child, 2);
      else if (typeof child === 'number') {
        scan.bound += 24;
        scan.length += 8;
      } else if (child === null || typeof child === 'boolean') {
        scan.bound += 5;
        scan.length += 5;
      } else if (typeof child === 'object') visit(child, level + 1);
      if (scan.tooDeep) return;
    }
  };
  visit(data, 1);
  return scan;
}
