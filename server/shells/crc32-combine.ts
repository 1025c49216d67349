/**
 * CRC-32 of a concatenation from the CRCs of its pieces (zlib's `crc32_combine`, with the operator
 * for each fixed length computed once). A shell's gzip trailer needs the CRC of the whole document;
 * its fixed parts' CRCs and their operators are known at load, so a request computes the CRC of
 * its nonce only, and never has to assemble the uncompressed document for a gzip answer.
 */

/** A GF(2) 32×32 matrix: column n is the image of bit n. */
type Operator = Uint32Array;

function times(matrix: Operator, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function compose(outer: Operator, inner: Operator): Operator {
  const result = new Uint32Array(32);
  for (let n = 0; n < 32; n++) result[n] = times(outer, inner[n]!);
  return result;
}

/** The operator that moves a CRC past `length` more bytes (of zeros, which is all the combining needs). */
export function crc32Shift(length: number): Operator {
  // One zero bit: the reflected CRC-32 polynomial, then the identity shifted by one.
  let power: Operator = new Uint32Array(32);
  power[0] = 0xedb88320;
  for (let n = 1; n < 32; n++) power[n] = (1 << (n - 1)) >>> 0;
  power = compose(power, power); // two bits
  power = compose(power, power); // four bits
  let result: Operator = new Uint32Array(32).map((_, n) => (1 << n) >>> 0);
  for (let bytes = length; bytes > 0; bytes >>>= 1) {
    power = compose(power, power); // 8, 16, 32… bits: 1, 2, 4… bytes
    if (bytes & 1) result = compose(power, result);
  }
  return result;
}

/** The operator that moves a CRC past `a` bytes, then (summed) past `b` bytes, and so on: what bytes at each of those distances from the end contribute. */
export function crc32ShiftSum(lengths: readonly number[]): Operator {
  const sum = new Uint32Array(32);
  for (const length of lengths) {
    const shift = crc32Shift(length);
    for (let n = 0; n < 32; n++) sum[n]! ^= shift[n]!;
  }
  return sum;
}

/** `operator` applied to a CRC value. */
export function crc32Apply(operator: Operator, crc: number): number {
  return times(operator, crc);
}

/** CRC-32 of `a` followed by `b`, given both CRCs and the shift operator for `b`'s length. */
export function crc32Combine(crcA: number, crcB: number, shiftB: Operator): number {
  return (times(shiftB, crcA) ^ crcB) >>> 0;
}

/** The byte-at-a-time table of the reflected CRC-32 polynomial. */
const TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * CRC-32 of a few bytes (a nonce), in JavaScript: for tens of bytes, cheaper than a call into
 * zlib, whose fixed cost per call is larger than the whole computation.
 */
export function crc32Small(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
