/**
 * Writes processed photos into the catalog: their bytes into the image store, their record into the
 * product's stored image spec (one read-modify-write per product in a transaction), and the swatch
 * of each of the product's variant colours picked from the photo's palette.
 */
import type { Kysely } from 'kysely';
import type { ListingAttribute } from '../../shared/api-types';
import { parseImageSpec, type ImageSpec, type StoredPhoto } from '../catalog/images/image-spec';
import type { Store } from '../store/database';
import type { Database } from '../store/schema';
import { pickSwatches, type NamedColour } from './palette/photo-palette';
import type { ImageStore } from './store/image-store';
import type { ProcessedPhoto } from './worker/photo-jobs';

/** The key derived files are filed under: the first 96 bits of the original's sha256. */
export function photoKey(originalHash: string): string {
  return originalHash.slice(0, 24);
}

/** Puts a processed photo's original and derived files in the store; returns its record (no swatches yet). */
export async function keepPhotoFiles(images: ImageStore, photo: ProcessedPhoto): Promise<Omit<StoredPhoto, 'swatches'>> {
  const key = photoKey(photo.original.hash);
  await images.putOriginal(photo.original.hash, photo.original.format, photo.original.bytes);
  await Promise.all(photo.files.map((file) => images.putDerived(key, file.name, Buffer.from(file.bytes))));
  const record = { key, original: photo.original.hash, width: photo.original.width, height: photo.original.height, widths: photo.widths, placeholder: photo.placeholder, palette: photo.palette };
  // Written last: a manifest means every file of the photo is there.
  await images.putDerived(key, 'photo.json', Buffer.from(JSON.stringify(record)));
  return record;
}

/**
 * The named colours a product's photos are asked for: its listing's colour or shade (a family
 * attribute with a swatch) and the colours its variants come in, each with the value typed for it.
 */
export async function namedColours(db: Kysely<Database>, productId: string): Promise<NamedColour[]> {
  const product = await db.selectFrom('products').select('family_attributes').where('id', '=', productId).executeTakeFirst();
  const attributes = JSON.parse(product?.family_attributes ?? '[]') as ListingAttribute[];
  const rows = await db.selectFrom('product_variants').select(['color', 'color_hex']).where('product_id', '=', productId).orderBy('position').execute();
  const byName = new Map<string, string>();
  for (const attribute of attributes) if (attribute.swatch) byName.set(attribute.value, attribute.swatch);
  for (const row of rows) if (!byName.has(row.color)) byName.set(row.color, row.color_hex);
  return [...byName].map(([name, hex]) => ({ name, hex }));
}

/** The record with the swatch of each colour the photo shows. */
export function withSwatches(record: Omit<StoredPhoto, 'swatches'>, colours: readonly NamedColour[]): StoredPhoto {
  return { ...record, swatches: pickSwatches(record.palette, colours) };
}

/**
 * Changes one product's stored image spec inside a transaction; `change` returns the new spec, or
 * undefined to leave it as it is. Returns whether the product exists.
 */
export async function updateImageSpec(store: Store, productId: string, change: (spec: ImageSpec, db: Kysely<Database>) => Promise<ImageSpec | undefined> | ImageSpec | undefined): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('products').select('images').where('id', '=', productId);
    // PostgreSQL: lock the row so two writers (a server and the CLI) cannot lose each other's photo.
    if (store.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) return false;
    const next = await change(parseImageSpec(row.images), trx);
    if (next) await trx.updateTable('products').set({ images: JSON.stringify(next) }).where('id', '=', productId).execute();
    return true;
  });
}
