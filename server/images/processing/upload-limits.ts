/** What an uploaded product image may be: checked before a single pixel is decoded. */

/** Accepted formats, by what the bytes are (never by name or declared type). */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp'] as const;

export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number];

export const UPLOAD_LIMITS = {
  /** Bytes of one upload. */
  maxBytes: 15 * 1024 * 1024,
  /** Decoded pixels: refuses decompression bombs (a small file that inflates to gigabytes). */
  maxPixels: 40_000_000,
  /** Longest side, in pixels. */
  maxSide: 10_000,
  /** Shortest side: smaller than a card at 1× cannot look sharp anywhere. */
  minSide: 200,
} as const;

/** The format the first bytes announce, or undefined for anything else (SVG, GIF, HEIC, text…). */
export function sniffFormat(bytes: Uint8Array): AcceptedFormat | undefined {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return undefined;
}
