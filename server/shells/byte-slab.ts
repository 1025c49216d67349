/**
 * Per-request bodies carved out of shared slabs. A shell is a few KiB, above the size Node's own
 * Buffer pool serves (4 KiB), so `Buffer.allocUnsafe` would make a fresh backing store per request,
 * which costs more than copying the shell into it. Slabs are plain memory, let go by the garbage
 * collector once every body cut from them has been written.
 */

/** Bytes per slab: small, so that a slow client holding one body keeps little else alive. */
const SLAB_BYTES = 64 * 1024;
/** Bodies above this get their own memory: a slab would hold too few of them. */
const MAX_CARVED = SLAB_BYTES / 4;

let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let used = 0;

/** Uninitialized memory of `length` bytes, for a body the caller fills completely. */
export function takeBytes(length: number): Buffer {
  if (length > MAX_CARVED) return Buffer.allocUnsafeSlow(length);
  if (used + length > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    used = 0;
  }
  const bytes = slab.subarray(used, used + length);
  // 8-byte alignment keeps the next body's copies on word boundaries.
  used += (length + 7) & ~7;
  return bytes;
}
