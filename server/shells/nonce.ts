/** CSP nonces: 128 random bits each, drawn from a pool refilled in bulk to keep syscalls off the hot path. */
import crypto from 'node:crypto';

const NONCE_BYTES = 16;
const POOL_NONCES = 256;

let pool = Buffer.alloc(0);
let offset = 0;

/** A fresh base64 nonce (always 24 characters). */
export function createNonce(): string {
  if (offset + NONCE_BYTES > pool.length) {
    pool = crypto.randomBytes(NONCE_BYTES * POOL_NONCES);
    offset = 0;
  }
  const nonce = pool.toString('base64', offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}
