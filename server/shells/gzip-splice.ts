/**
 * Gzip for templates with per-request holes, without compressing per request: the fixed parts are
 * deflated once (each ending on a sync flush, so it ends on a byte boundary), every hole goes in as a
 * stored block, and the CRC of the whole is combined from the parts' CRCs, known at load, and the
 * holes' own: a request never reads the fixed bytes twice.
 */
import zlib from 'node:zlib';
import { takeBytes } from './byte-slab';
import { crc32Apply, crc32Combine, crc32Shift, crc32ShiftSum, crc32Small } from './crc32-combine';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const STORED_HEADER_LENGTH = 5;
const MAX_STORED = 0xffff;

/** The CRC of a template with the same hole in every slot, by the hole's bytes. */
interface RepeatTable {
  /** CRC of the document with zeroed holes. */
  base: number;
  /** `bytes[j * 256 + b]`: what byte `b` at offset `j` of every hole XORs into the CRC. */
  bytes: Uint32Array;
  /** The gzip member with zeroed holes, to copy and fill in. */
  frame: Frame;
}

/**
 * A gzip member whose repeated holes are zeroed and whose CRC is left blank: a response copies it
 * whole and writes in its hole's bytes and the CRC (the stored blocks' lengths are already right).
 */
interface Frame {
  bytes: Buffer;
  /** Where the repeated hole's bytes go. */
  slots: number[];
  /** Where the CRC goes. */
  crcAt: number;
}

/**
 * A template's holes of two kinds, worked out once for one set of fixed holes (a page's lead
 * picture): the rest are slots for one repeated hole (the nonce) of one length, filled per response.
 */
export interface MixedHoles {
  /** The member with the fixed holes in place and the repeated ones zeroed. */
  frame: Frame;
  repeatedLength: number;
  /** CRC-32 of the document with the repeated slots zeroed. */
  base: number;
  /** What the repeated hole's bytes add: its zero-based CRC moved to each slot's distance from the end, summed. */
  operator: Uint32Array;
  /** CRC-32 of as many zeros as the repeated hole has bytes (what turns a CRC into its zero-based part). */
  zerosCrc: number;
}

/** A copy of `frame` with `hole` in its slots and `crc` in the trailer. */
function fill(frame: Frame, hole: Buffer, crc: number): Buffer {
  const out = takeBytes(frame.bytes.length);
  out.set(frame.bytes, 0);
  for (const at of frame.slots) out.set(hole, at);
  const at = frame.crcAt;
  out[at] = crc & 0xff;
  out[at + 1] = (crc >>> 8) & 0xff;
  out[at + 2] = (crc >>> 16) & 0xff;
  out[at + 3] = crc >>> 24;
  return out;
}

/** The deflated fixed parts of a template split at its holes. */
export class GzipSplice {
  private readonly deflated: Buffer[];
  private readonly fixedLength: number;
  private readonly plainLength: number;
  private readonly crcs: number[];
  private readonly shifts: Array<ReturnType<typeof crc32Shift>>;
  /** Shift operators by hole length (holes are nonces: one length). */
  private readonly holeShifts = new Map<number, ReturnType<typeof crc32Shift>>();
  /** CRC tables for the same hole in every slot, by hole length. */
  private readonly repeatTables = new Map<number, RepeatTable>();
  private readonly parts: readonly Buffer[];

  constructor(parts: readonly Buffer[]) {
    this.deflated = parts.map((part) => zlib.deflateRawSync(part, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    this.fixedLength = this.deflated.reduce((sum, part) => sum + part.length, 0);
    this.plainLength = parts.reduce((sum, part) => sum + part.length, 0);
    this.crcs = parts.map((part) => zlib.crc32(part) >>> 0);
    this.shifts = parts.map((part) => crc32Shift(part.length));
    this.parts = parts;
  }

  /**
   * `render` with `hole` in every slot (a nonce, the same in each place it appears). The CRC is
   * then one table lookup per byte of the hole: CRC-32 is affine, so the whole document's CRC is
   * that of the document with zeroed holes XOR a linear function of the hole's bytes, tabled once
   * per hole length.
   */
  renderRepeated(hole: Buffer): Buffer {
    if (hole.length > MAX_STORED) throw new RangeError(`a hole of ${hole.length} bytes is too long for one stored block`);
    const table = this.repeatTable(hole.length);
    let crc = table.base;
    for (let j = 0; j < hole.length; j++) crc ^= table.bytes[(j << 8) | hole[j]!]!;
    return fill(table.frame, hole, crc >>> 0);
  }

  /**
   * The gzip member of the template's parts joined by `holes`
   * (`holes.length === parts.length - 1`, each shorter than 64 KiB).
   */
  render(holes: readonly Buffer[]): Buffer {
    let plainLength = this.plainLength;
    let crc = this.crcs[0] ?? 0;
    for (let i = 0; i < holes.length; i++) {
      const hole = holes[i]!;
      plainLength += hole.length;
      crc = crc32Combine(crc, zlib.crc32(hole) >>> 0, this.holeShift(hole.length));
      crc = crc32Combine(crc, this.crcs[i + 1]!, this.shifts[i + 1]!);
    }
    return this.assemble(holes, crc, plainLength);
  }

  /**
   * Prepares `render` for holes of which those given in `fixed` stay the same over many responses
   * and the others (null in `fixed`) all take one repeated hole of `repeatedLength` bytes.
   */
  mixedHoles(fixed: ReadonlyArray<Buffer | null>, repeatedLength: number): MixedHoles {
    if (fixed.length !== this.parts.length - 1) throw new RangeError(`${fixed.length} holes for ${this.parts.length} parts`);
    const zeros = Buffer.alloc(repeatedLength);
    const holes = fixed.map((hole) => hole ?? zeros);
    // CRC is affine: the document's CRC is that with zeroed repeated slots XOR the zero-based CRC of
    // the repeated bytes moved past everything that follows each slot.
    let crc = this.crcs[0] ?? 0;
    let plainLength = this.plainLength;
    for (let i = 0; i < holes.length; i++) {
      plainLength += holes[i]!.length;
      crc = crc32Combine(crc, zlib.crc32(holes[i]!) >>> 0, this.holeShift(holes[i]!.length));
      crc = crc32Combine(crc, this.crcs[i + 1]!, this.shifts[i + 1]!);
    }
    const repeatedAt = fixed.flatMap((hole, i) => (hole === null ? [i] : []));
    const after = repeatedAt.map((at) => {
      let length = 0;
      for (let i = at + 1; i < this.parts.length; i++) length += this.parts[i]!.length + (i < holes.length ? holes[i]!.length : 0);
      return length;
    });
    return {
      frame: this.frame(holes, repeatedAt, plainLength),
      repeatedLength,
      base: crc,
      operator: crc32ShiftSum(after),
      zerosCrc: zlib.crc32(zeros) >>> 0,
    };
  }

  /** `render` with `mixed`'s fixed holes and `repeated` in every other slot: one CRC of `repeated`'s few bytes, no combining. */
  renderMixed(mixed: MixedHoles, repeated: Buffer): Buffer {
    if (repeated.length !== mixed.repeatedLength) throw new RangeError(`a ${repeated.length}-byte hole for ${mixed.repeatedLength}-byte slots`);
    return fill(mixed.frame, repeated, (mixed.base ^ crc32Apply(mixed.operator, crc32Small(repeated) ^ mixed.zerosCrc)) >>> 0);
  }

  /** The member of `holes` (zeros in the `repeatedAt` slots) in memory of its own, and where its repeated slots and CRC are. */
  private frame(holes: readonly Buffer[], repeatedAt: readonly number[], plainLength: number): Frame {
    const bytes = Buffer.from(this.assemble(holes, 0, plainLength));
    const slots: number[] = [];
    let offset = GZIP_HEADER.length;
    for (let i = 0; i < holes.length; i++) {
      offset += this.deflated[i]!.length + STORED_HEADER_LENGTH;
      if (repeatedAt.includes(i)) slots.push(offset);
      offset += holes[i]!.length;
    }
    return { bytes, slots, crcAt: bytes.length - 8 };
  }

  /** The gzip member: header, deflated parts with the holes as stored blocks, final block, trailer. */
  private assemble(holes: readonly Buffer[], crc: number, plainLength: number): Buffer {
    let length = GZIP_HEADER.length + this.fixedLength + FINAL_BLOCK.length + 8;
    for (const hole of holes) {
      if (hole.length > MAX_STORED) throw new RangeError(`a hole of ${hole.length} bytes is too long for one stored block`);
      length += STORED_HEADER_LENGTH + hole.length;
    }
    const out = takeBytes(length);
    // `set` rather than Buffer's `copy`: the lengths are right by construction, and `copy`'s checks
    // and views cost more than copying these few bytes.
    out.set(GZIP_HEADER, 0);
    let offset = GZIP_HEADER.length;
    for (let i = 0; i < this.deflated.length; i++) {
      const part = this.deflated[i]!;
      out.set(part, offset);
      offset += part.length;
      const hole = holes[i];
      if (hole === undefined) continue;
      const size = hole.length;
      out[offset] = 0x00; // BFINAL=0, BTYPE=00 (stored); we are byte-aligned after the sync flush.
      // LEN and NLEN, little-endian.
      out[offset + 1] = size & 0xff;
      out[offset + 2] = size >>> 8;
      out[offset + 3] = ~size & 0xff;
      out[offset + 4] = (~size >>> 8) & 0xff;
      out.set(hole, offset + STORED_HEADER_LENGTH);
      offset += STORED_HEADER_LENGTH + size;
    }
    out.set(FINAL_BLOCK, offset);
    offset += FINAL_BLOCK.length;
    out.writeUInt32LE(crc, offset);
    out.writeUInt32LE(plainLength >>> 0, offset + 4);
    return out;
  }

  private repeatTable(holeLength: number): RepeatTable {
    let table = this.repeatTables.get(holeLength);
    if (table) return table;
    // The document with zeroed holes, and where each hole starts in it.
    const starts: number[] = [];
    const chunks: Buffer[] = [];
    const zeros = Buffer.alloc(holeLength);
    let at = 0;
    this.parts.forEach((part, i) => {
      chunks.push(part);
      at += part.length;
      if (i < this.parts.length - 1) {
        starts.push(at);
        chunks.push(zeros);
        at += holeLength;
      }
    });
    const plain = Buffer.concat(chunks);
    const base = zlib.crc32(plain) >>> 0;
    // The linear part of flipping one bit at offset j of every hole: crc(zeroed) XOR crc(flipped).
    const bit = new Uint32Array(holeLength * 8);
    for (let j = 0; j < holeLength; j++) {
      for (let k = 0; k < 8; k++) {
        for (const start of starts) plain[start + j] = 1 << k;
        bit[j * 8 + k] = (zlib.crc32(plain) ^ base) >>> 0;
        for (const start of starts) plain[start + j] = 0;
      }
    }
    const bytes = new Uint32Array(holeLength * 256);
    for (let j = 0; j < holeLength; j++) {
      for (let b = 1; b < 256; b++) {
        const low = b & -b;
        bytes[(j << 8) | b] = bytes[(j << 8) | (b ^ low)]! ^ bit[j * 8 + Math.log2(low)]!;
      }
    }
    const zeroHoles = starts.map(() => zeros);
    table = { base, bytes, frame: this.frame(zeroHoles, zeroHoles.map((_, i) => i), plain.length) };
    this.repeatTables.set(holeLength, table);
    return table;
  }

  private holeShift(length: number): ReturnType<typeof crc32Shift> {
    let shift = this.holeShifts.get(length);
    if (!shift) this.holeShifts.set(length, (shift = crc32Shift(length)));
    return shift;
  }
}
