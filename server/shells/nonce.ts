/**
 * CSP nonces: 144 random bits each (18 bytes, 24 base64 characters), drawn from a pool that is
 * filled and base64-encoded in bulk. 18 bytes encode to whole base64 quanta, so each nonce is a
 * slice of one encoding of the pool: a response takes its nonce's text and bytes without encoding
 * anything or copying into a Buffer of its own, and the random source is read once per 1,024 nonces.
 */
import crypto from 'node:crypto';

/** Random bytes per nonce: a multiple of 3, so that nonces never share a base64 quantum. */
const NONCE_BYTES = 18;
/** Characters per nonce: 18 bytes are 24 base64 characters, without padding. */
export const NONCE_LENGTH = (NONCE_BYTES / 3) * 4;
/** Nonces per pool: the random source's cost per call is about that of kilobytes of output, so 18 KiB a call. */
const POOL_NONCES = 1024;

/** One response's nonce, as text (for the CSP header) and as the same characters' bytes (for the body). */
export interface Nonce {
  text: string;
  /** A view of the pool's encoding (each pool is new memory, never written again). */
  bytes: Buffer;
}

let text = '';
let bytes = Buffer.alloc(0);
let offset = 0;

/** The next unused nonce; every pool is fresh random bytes, never reused. */
export function nextNonce(): Nonce {
  if (offset === text.length) {
    text = crypto.randomBytes(NONCE_BYTES * POOL_NONCES).toString('base64');
    // A new Buffer per pool (never overwritten): a nonce's bytes stay what they were.
    bytes = Buffer.from(text, 'latin1');
    offset = 0;
  }
  const at = offset;
  offset += NONCE_LENGTH;
  return { text: text.slice(at, offset), bytes: bytes.subarray(at, offset) };
}

/** A fresh base64 nonce as text (always 24 characters). */
export function createNonce(): string {
  return nextNonce().text;
}
