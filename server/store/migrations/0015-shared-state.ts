/**
 * What every node shares (issue 16): sliding windows, token buckets and lockouts under one generic
 * key each (the auth tables' rows move over, so no limit or lockout is forgotten), and the release
 * pointers every node follows.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('limit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('limit_events_bucket_at').on('limit_events').columns(['bucket', 'at']).execute();
  await db.schema
    .createTable('limit_buckets')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('tokens', 'double precision', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('limit_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('release_pointers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('build_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into limit_events (id, bucket, at) select id, bucket, at from auth_rate_events`.execute(db);
  // The keys `lockoutKey` makes: `lockout:<mobile>:<device hash>`, '' standing for every browser.
  await sql`insert into limit_failures (key, failures, locked_until, updated_at)
            select 'lockout:' || mobile || ':' || device_hash, failures, locked_until, updated_at from auth_failures`.execute(db);
  await db.schema.dropTable('auth_rate_events').execute();
  await db.schema.dropTable('auth_failures').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_rate_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_rate_events_bucket_at').on('auth_rate_events').columns(['bucket', 'at']).execute();
  await db.schema
    .createTable('auth_failures')
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('auth_failures_pk', ['mobile', 'device_hash'])
    .execute();
  for (const table of ['release_pointers', 'limit_failures', 'limit_buckets', 'limit_events']) await db.schema.dropTable(table).execute();
}
