/**
 * Where image bytes live: originals by their content hash, derived files by their photo key. The
 * shop only talks to this interface, so an object store (S3, GCS) is one more adapter beside the
 * file-system one; keys are content addresses, so every write is idempotent and nothing is updated.
 */

/** Bytes of product images, content-addressed. */
export interface ImageStore {
  /** Keeps an original (normalized JPEG or PNG) under its sha256. */
  putOriginal(hash: string, format: 'jpeg' | 'png', bytes: Buffer): Promise<void>;
  /** The original with this hash, or undefined. */
  getOriginal(hash: string): Promise<Buffer | undefined>;
  /** Keeps one derived file (`400.avif`, `photo.json`, …) of a photo. */
  putDerived(key: string, name: string, bytes: Buffer): Promise<void>;
  /** One derived file, or undefined when it is not there (yet). */
  getDerived(key: string, name: string): Promise<Buffer | undefined>;
}

/** Names a derived file may have: `<width>.<avif|webp>` or the photo's manifest. */
export const DERIVED_NAME = /^(\d{2,4}\.(avif|webp)|photo\.json)$/;
const HASH = /^[0-9a-f]{64}$/;
const KEY = /^[0-9a-f]{20,64}$/;

/** Throws a TypeError naming the bad value, so a path can never be built from one. */
export function checkAddress(kind: 'hash' | 'key' | 'name', value: string): void {
  const pattern = kind === 'hash' ? HASH : kind === 'key' ? KEY : DERIVED_NAME;
  if (!pattern.test(value)) throw new TypeError(`not a valid image ${kind}: ${JSON.stringify(value)}`);
}
