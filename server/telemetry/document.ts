/** Checks one incoming document and prepares it for storage; a bad one gets a reason, not an exception. */
import type { StoredDocument } from './engine/engine';

export const MAX_DOCUMENT_BYTES = 32 * 1024;
/** How far ahead of the server's clock an event may be (phones' clocks drift); later ones would never expire. */
export const MAX_FUTURE_MS = 5 * 60_000;
export const MAX_NESTING = 20;
const MAX_ID_LENGTH = 256;
const LONE_SURROGATE = /\p{Surrogate}/u;
/** A `\u0000` escape that JSON.stringify wrote for a NUL character (not an escaped backslash before "u0000"). */
const NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/;
/** A `\uD800`–`\uDFFF` escape that JSON.stringify wrote for an unpaired surrogate (not an escaped backslash before "ud…"). */
const SURROGATE_ESCAPE = /(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

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
  if (depthOf(data, 0) > MAX_NESTING) return reject(`data is nested deeper than ${MAX_NESTING} levels.`);
  const json = JSON.stringify(data);
  // JSON.stringify writes unpaired surrogates as escapes; stored, such text is JSON that DuckDB and
  // PostgreSQL refuse to read, and one such event would break every query over its table.
  if (json.includes('\\ud') && SURROGATE_ESCAPE.test(json)) return reject('data must be valid Unicode text (it has an unpaired surrogate escape).');
  if (json.includes('\\u0000') && NUL_ESCAPE.test(json)) return reject('data must not contain the NUL character.');
  // Length in UTF-16 units is a lower bound on bytes; only measure bytes when it could matter.
  if (json.length > MAX_DOCUMENT_BYTES / 4 && Buffer.byteLength(json) > MAX_DOCUMENT_BYTES) {
    return reject('A document is larger than 32 KB.');
  }
  return { ok: true, document: { id: idText, timestamp, json, data: data as Record<string, unknown> } };
}

function depthOf(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return depth;
  if (depth > MAX_NESTING) return depth;
  let max = depth + 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (child !== null && typeof child === 'object') max = Math.max(max, depthOf(child, depth + 1));
  }
  return max;
}
