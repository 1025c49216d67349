/**
 * Everything the shop serves of one original, made once: AVIF and WebP at each width the pages use,
 * a tiny blurred placeholder, and the palette the swatches come from.
 */
import sharp, { type Sharp } from 'sharp';
import { PHOTO_FORMATS, PHOTO_WIDTHS, type PhotoFormat } from '../../../shared/product-images';
import { photoPalette, type PhotoPalette } from '../palette/photo-palette';
import type { RgbaImage } from '../palette/background-mask';
import { DECODE_OPTIONS } from './normalize-original';

/** One encoded file of a photo, named `<width>.<format>`. */
export interface EncodedFile {
  name: string;
  bytes: Buffer;
}

export interface EncodedPhoto {
  files: EncodedFile[];
  widths: number[];
  placeholder: string;
  analysis: PhotoPalette;
}

// Effort 2 of AVIF costs a tenth of the default's time for about 10 % more bytes (measured, see decisions).
const ENCODERS: Record<PhotoFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  webp: (image) => image.webp({ quality: 72, effort: 4 }),
};
const PLACEHOLDER_SIDE = 16;
const ANALYSIS_SIDE = 96;

/** The widths a photo of `width` pixels is encoded at: the page widths it can fill, at least the smallest. */
export function widthsFor(width: number): number[] {
  const fitting = PHOTO_WIDTHS.filter((w) => w <= width);
  return fitting.length > 0 ? fitting : [PHOTO_WIDTHS[0]];
}

/** Encodes every file of a photo and analyses its colours. */
export async function encodePhoto(original: Buffer, width: number): Promise<EncodedPhoto> {
  const widths = widthsFor(width);
  const files: EncodedFile[] = [];
  // One after the other: the pool bounds how many photos run at once, and each encode already uses libvips' threads.
  for (const w of widths) {
    const resized = sharp(original, DECODE_OPTIONS).resize({ width: w, withoutEnlargement: false });
    for (const format of PHOTO_FORMATS) files.push({ name: `${w}.${format}`, bytes: await ENCODERS[format](resized.clone()).toBuffer() });
  }
  const tiny = await sharp(original, DECODE_OPTIONS).resize(PLACEHOLDER_SIDE, PLACEHOLDER_SIDE, { fit: 'inside' }).webp({ quality: 40, smartSubsample: true }).toBuffer();
  return { files, widths, placeholder: `data:image/webp;base64,${tiny.toString('base64')}`, analysis: photoPalette(await analysisPixels(original)) };
}

/** A small RGBA rendering of a photo, enough to tell its colours apart. */
export async function analysisPixels(original: Buffer): Promise<RgbaImage> {
  const { data, info } = await sharp(original, DECODE_OPTIONS)
    .resize(ANALYSIS_SIDE, ANALYSIS_SIDE, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}
