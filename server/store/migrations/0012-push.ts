/** Web push (VAPID keys, subscriptions, watched products, order notices, campaigns) and wishlists. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('push_vapid_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('device_hash', 'text', (c) => c.unique())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('push_subscriptions_account').on('push_subscriptions').column('account_id').execute();

  await db.schema
    .createTable('wishlist_items')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('wishlist_items_pk', ['account_id', 'product_id'])
    .execute();
  // Price drops look up who wishlisted a product.
  await db.schema.createIndex('wishlist_items_product').on('wishlist_items').column('product_id').execute();

  await db.schema
    .createTable('push_device_products')
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('push_subscriptions.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addPrimaryKeyConstraint('push_device_products_pk', ['subscription_id', 'product_id'])
    .execute();
  await db.schema.createIndex('push_device_products_product').on('push_device_products').column('product_id').execute();

  await db.schema
    .createTable('push_product_watch')
    .addColumn('product_id', 'text', (c) => c.primaryKey())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('in_stock', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('push_order_notices')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_order_notices_pk', ['order_id', 'seq'])
    .execute();
  // Servers look for order status changes newer than the last few minutes.
  await db.schema.createIndex('order_timeline_at').on('order_timeline').column('at').execute();

  await db.schema
    .createTable('push_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('send_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('counts', 'text')
    .execute();
  // Servers look for scheduled campaigns that are due.
  await db.schema.createIndex('push_campaigns_due').on('push_campaigns').columns(['status', 'send_at']).execute();

  await db.schema
    .createTable('push_campaign_recipients')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('push_campaigns.id').onDelete('cascade'))
    .addColumn('shopper', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_campaign_recipients_pk', ['campaign_id', 'shopper'])
    .execute();
  // The frequency cap counts a shopper's recent campaigns.
  await db.schema.createIndex('push_campaign_recipients_shopper').on('push_campaign_recipients').columns(['shopper', 'sent_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('order_timeline_at').execute();
  for (const table of ['push_campaign_recipients', 'push_campaigns', 'push_order_notices', 'push_product_watch', 'push_device_products', 'wishlist_items', 'push_subscriptions', 'push_vapid_keys']) {
    await db.schema.dropTable(table).execute();
  }
}
