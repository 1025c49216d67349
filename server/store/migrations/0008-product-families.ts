/**
 * Product families: listings of one model that differ in colour, storage, RAM or pack size share a
 * family id, and each says what sets it apart (JSON `ListingAttribute[]`). See decisions/0010.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Nullable: a product of no family (and every product of a store seeded before families).
  await db.schema.alterTable('products').addColumn('family_id', 'text').execute();
  await db.schema.alterTable('products').addColumn('family_attributes', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.createIndex('products_family').on('products').column('family_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('products_family').execute();
  await db.schema.alterTable('products').dropColumn('family_attributes').execute();
  await db.schema.alterTable('products').dropColumn('family_id').execute();
}
