/**
 * One-time codes and failure counts per (number, browser) instead of per number, so a stranger's
 * requests can neither replace nor lock out the owner's code (decisions/0005, addendum). Live codes
 * and counters are short-lived state, so the two tables are made again rather than converted.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('otp_challenges').execute();
  await db.schema
    .createTable('otp_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('consumed_at', 'bigint')
    .addUniqueConstraint('otp_challenges_mobile_flow_device', ['mobile', 'flow', 'device_hash'])
    .execute();
  await db.schema.createIndex('otp_challenges_expires').on('otp_challenges').column('expires_at').execute();

  await db.schema.dropTable('auth_failures').execute();
  await db.schema
    .createTable('auth_failures')
    .addColumn('mobile', 'text', (c) => c.notNull())
    // '' counts the number's failures over every browser; otherwise one browser's.
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('auth_failures_pk', ['mobile', 'device_hash'])
    .execute();

  await db.schema
    .createTable('auth_known_devices')
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('auth_known_devices_pk', ['mobile', 'device_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_known_devices').execute();
  await db.schema.dropTable('auth_failures').execute();
  await db.schema
    .createTable('auth_failures')
    .addColumn('mobile', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.dropTable('otp_challenges').execute();
  await db.schema
    .createTable('otp_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('consumed_at', 'bigint')
    .addUniqueConstraint('otp_challenges_mobile_flow', ['mobile', 'flow'])
    .execute();
}
