/** Idempotency keys of "add to cart" requests, per cart: a change replayed from an offline queue adds once. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cart_request_keys')
    .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('cart_request_keys_pk', ['cart_id', 'key'])
    .execute();
  await db.schema.createIndex('cart_request_keys_created_at').on('cart_request_keys').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cart_request_keys').execute();
}
