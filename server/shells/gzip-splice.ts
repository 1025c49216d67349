/**
 * Gzip for templates with per-request holes, without compressing per request: the fixed parts are
 * deflated once (each ending on a sync flush, so it ends on a byte boundary), every hole goes in as a
 * stored block, and the CRC of the whole is combined from the parts' CRCs, known at load, and the
 * holes' own: a request never reads the fixed bytes twice.
 */
import zlib from 'node:zlib';
import { takeBytes } from './byte-slab';
import { crc32Combine, crc32Shift } from './crc32-combine';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const STORED_HEADER_LENGTH = 5;
const MAX_STORED = 0xffff;

/** The deflated fixed parts of a template split at its holes. */
export class GzipSplice {
  private readonly deflated: Buffer[];
  private readonly fixedLength: number;
  private readonly plainLength: number;
  private readonly crcs: number[];
  private readonly shifts: Array<ReturnType<typeof crc32Shift>>;
  /** Shift operators by hole length (holes are nonces: one length). */
  private readonly holeShifts = new Map<number, ReturnType<typeof crc32Shift>>();

  constructor(parts: readonly Buffer[]) {
    this.deflated = parts.map((part) => zlib.deflateRawSync(part, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    this.fixedLength = this.deflated.reduce((sum, part) => sum + part.length, 0);
    this.plainLength = parts.reduce((sum, part) => sum + part.length, 0);
    this.crcs = parts.map((part) => zlib.crc32(part) >>> 0);
    this.shifts = parts.map((part) => crc32Shift(part.length));
  }

  /**
   * The gzip member of the template's parts joined by `holes`
   * (`holes.length === parts.length - 1`, each shorter than 64 KiB).
   */
  render(holes: readonly Buffer[]): Buffer {
    let length = GZIP_HEADER.length + this.fixedLength + FINAL_BLOCK.length + 8;
    let plainLength = this.plainLength;
    let crc = this.crcs[0] ?? 0;
    for (let i = 0; i < holes.length; i++) {
      const hole = holes[i]!;
      if (hole.length > MAX_STORED) throw new RangeError(`a hole of ${hole.length} bytes is too long for one stored block`);
      length += STORED_HEADER_LENGTH + hole.length;
      plainLength += hole.length;
      crc = crc32Combine(crc, zlib.crc32(hole) >>> 0, this.holeShift(hole.length));
      crc = crc32Combine(crc, this.crcs[i + 1]!, this.shifts[i + 1]!);
    }
    const out = takeBytes(length);
    let offset = GZIP_HEADER.copy(out, 0);
    for (let i = 0; i < this.deflated.length; i++) {
      offset += this.deflated[i]!.copy(out, offset);
      const hole = holes[i];
      if (hole === undefined) continue;
      out[offset] = 0x00; // BFINAL=0, BTYPE=00 (stored); we are byte-aligned after the sync flush.
      out.writeUInt16LE(hole.length, offset + 1);
      out.writeUInt16LE(~hole.length & 0xffff, offset + 3);
      offset += STORED_HEADER_LENGTH;
      offset += hole.copy(out, offset);
    }
    offset += FINAL_BLOCK.copy(out, offset);
    out.writeUInt32LE(crc, offset);
    out.writeUInt32LE(plainLength >>> 0, offset + 4);
    return out;
  }

  private holeShift(length: number): ReturnType<typeof crc32Shift> {
    let shift = this.holeShifts.get(length);
    if (!shift) this.holeShifts.set(length, (shift = crc32Shift(length)));
    return shift;
  }
}
