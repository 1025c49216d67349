/** Guest carts expire 30 days after their last change: an index finds the expired ones. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('carts_updated_at').on('carts').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('carts_updated_at').execute();
}
