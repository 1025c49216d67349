/**
 * Turns uploaded bytes into the original the shop keeps: the real type checked by content, sizes
 * checked from the header before decoding, decompression bombs refused by libvips' pixel limit, the
 * picture turned upright and converted to sRGB, every metadata block (EXIF, GPS, XMP, comments) gone.
 */
import crypto from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { sniffFormat, UPLOAD_LIMITS } from './upload-limits';

/** Why an upload was refused: a code of the server's message table and what to tell the operator. */
export class UploadRefused extends Error {
  constructor(
    readonly code: 'image-type-unsupported' | 'image-too-large' | 'image-dimensions' | 'image-unreadable',
    readonly details: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'UploadRefused';
  }
}

/** An original as stored: normalized bytes, their content hash and size. */
export interface Original {
  bytes: Buffer;
  /** sha256 of `bytes`, hex. */
  hash: string;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
}

/** Options of every decode: the pixel cap, and stop at the first sign of a broken file. */
export const DECODE_OPTIONS = { limitInputPixels: UPLOAD_LIMITS.maxPixels, failOn: 'error' } as const;

/** Checks an upload and returns the original to keep; throws UploadRefused with the reason. */
export async function normalizeOriginal(bytes: Uint8Array): Promise<Original> {
  if (bytes.byteLength > UPLOAD_LIMITS.maxBytes) throw new UploadRefused('image-too-large', { bytes: bytes.byteLength, maxBytes: UPLOAD_LIMITS.maxBytes });
  const sniffed = sniffFormat(bytes);
  if (!sniffed) throw new UploadRefused('image-type-unsupported', { accepted: ['image/jpeg', 'image/png', 'image/webp'] });
  let meta: Metadata;
  try {
    // Headers only (no pixels are decoded), so no pixel limit here: the size is checked just below.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UploadRefused('image-unreadable', { format: sniffed });
  }
  // The magic bytes and the decoder must agree: a PNG header on a WebP body is not a PNG.
  if (meta.format !== sniffed) throw new UploadRefused('image-type-unsupported', { detected: meta.format ?? null, accepted: ['image/jpeg', 'image/png', 'image/webp'] });
  const { width = 0, height = 0 } = meta.autoOrient ?? meta;
  if ((meta.pages ?? 1) > 1) throw new UploadRefused('image-type-unsupported', { reason: 'animated images are not product photos' });
  if (width * height > UPLOAD_LIMITS.maxPixels) throw new UploadRefused('image-too-large', { width, height, maxPixels: UPLOAD_LIMITS.maxPixels });
  if (Math.max(width, height) > UPLOAD_LIMITS.maxSide || Math.min(width, height) < UPLOAD_LIMITS.minSide) {
    throw new UploadRefused('image-dimensions', { width, height, minSide: UPLOAD_LIMITS.minSide, maxSide: UPLOAD_LIMITS.maxSide });
  }
  const pipeline = sharp(bytes, DECODE_OPTIONS).autoOrient().toColourspace('srgb');
  // Transparency is kept losslessly; everything else as a near-lossless JPEG (a photo as PNG is huge).
  const format = meta.hasAlpha ? 'png' : 'jpeg';
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await (format === 'png' ? pipeline.png({ compressionLevel: 6 }) : pipeline.jpeg({ quality: 92, chromaSubsampling: '4:4:4', mozjpeg: true })).toBuffer({ resolveWithObject: true });
  } catch {
    throw new UploadRefused('image-unreadable', { format: sniffed });
  }
  return { bytes: out.data, hash: sha256(out.data), format, width: out.info.width, height: out.info.height };
}

/** sha256 of bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
