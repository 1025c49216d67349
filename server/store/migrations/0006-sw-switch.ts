/** The service-worker kill switch, shared by every server on the store and the operator CLI. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sw_switch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('killed', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sw_switch').execute();
}
