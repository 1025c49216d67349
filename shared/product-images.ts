/**
 * Where product photos live and how pages ask for them: the widths every photo is encoded at, the
 * `sizes` of each place a picture is shown, and the URLs and `srcset`s built from a `Photo`.
 * The server encodes and serves exactly these URLs; the kit's picture component and the preloader
 * request them, so the three can never disagree.
 */
import type { Photo } from './api-types';

/** Bump when the encoder's output changes: it is part of every photo URL, so caches stay immutable. */
export const PHOTO_VERSION = 1;

/** Widths a photo is encoded at: card 1×/2× (200, 400), gallery (400, 600 at 2×), zoom (800, 1200). */
export const PHOTO_WIDTHS = [200, 400, 600, 800, 1200] as const;

/** Formats in order of preference; the first a browser supports wins in `<picture>`. */
export const PHOTO_FORMATS = ['avif', 'webp'] as const;

export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** The places a product picture is shown. */
export type ImageUse = 'card' | 'gallery' | 'zoom' | 'thumb';

/**
 * The `sizes` attribute of each use: the CSS width the picture takes (see the grid, gallery and cart
 * styles), so the browser picks the right width for the screen's pixel density.
 */
export const IMAGE_SIZES: Record<ImageUse, string> = {
  card: '(min-width: 900px) 200px, (min-width: 600px) 30vw, 44vw',
  gallery: '(min-width: 900px) 388px, 308px',
  zoom: '100vw',
  thumb: '96px',
};

/** Matches a photo URL: `/img/v1/<key>/<width>.<format>`. */
export const PHOTO_PATH = /^\/img\/v(\d+)\/([0-9a-f]{20,64})\/(\d{2,4})\.(avif|webp)$/;

/** The URL of one encoding of a photo. */
export function photoUrl(photo: Pick<Photo, 'key'>, width: number, format: PhotoFormat): string {
  return `/img/v${PHOTO_VERSION}/${photo.key}/${width}.${format}`;
}

/** Every width of a photo in one format, as a `srcset` with `w` descriptors. */
export function photoSrcset(photo: Pick<Photo, 'key' | 'widths'>, format: PhotoFormat): string {
  return photo.widths.map((width) => `${photoUrl(photo, width, format)} ${width}w`).join(', ');
}

/** The MIME type of a format, for `<source type>` and the server's Content-Type. */
export function photoMime(format: PhotoFormat): string {
  return `image/${format}`;
}
