/** Telemetry tables (name and retention); the events themselves live in the telemetry event engine. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telemetry_tables')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('ttl_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('telemetry_tables').execute();
}
