import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { crc32Combine, crc32Shift, crc32Small } from './crc32-combine';

describe('crc32Combine', () => {
  it('should give the CRC-32 of a concatenation from the CRCs of its parts', () => {
    for (const [a, b] of [[0, 0], [0, 7], [13, 0], [1, 1], [24, 5195], [5195, 24], [100_000, 65_536]] as const) {
      const left = crypto.randomBytes(a);
      const right = crypto.randomBytes(b);
      const combined = crc32Combine(zlib.crc32(left), zlib.crc32(right), crc32Shift(b));
      assert.equal(combined, zlib.crc32(Buffer.concat([left, right])), `${a} + ${b} bytes`);
    }
  });

  it('should compute a short CRC-32 as zlib does', () => {
    for (const length of [0, 1, 3, 24, 100, 1000]) {
      const bytes = crypto.randomBytes(length);
      assert.equal(crc32Small(bytes), zlib.crc32(bytes) >>> 0, `${length} bytes`);
      assert.equal(crc32Small(bytes.subarray(1)), zlib.crc32(bytes.subarray(1)) >>> 0, `a view of ${length} bytes`);
    }
  });
});
