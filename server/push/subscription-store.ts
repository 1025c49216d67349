/**
 * Push subscriptions: one per device (its endpoint), linked to the account once its shopper signs
 * in, each with its own topics. A device is also known by its device cookie, so that a renewed
 * subscription (a new endpoint) replaces the old one and a later login can claim it.
 */
import crypto from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { PushDevice, PushTopic } from '../../shared/api-types';
import type { Database } from '../store/schema';

export interface SubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
  topics: readonly string[];
  /** Replaces the categories the device viewed, when given. */
  categories?: readonly string[] | undefined;
  /** Replaces a guest device's wishlist mirror, when given (ignored once signed in). */
  wishlist?: readonly string[] | undefined;
  accountId: string | null;
  deviceHash: string;
  label: string;
}

/** What a send needs of a subscription. */
export interface PushTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  accountId: string | null;
}

/** Stores (or renews) the device's subscription; answers its id and whether it is new. */
export async function saveSubscription(db: Kysely<Database>, input: SubscriptionInput, now: number): Promise<{ id: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    // One subscription per device: a new endpoint of the same device replaces its old one.
    await trx.deleteFrom('push_subscriptions').where('device_hash', '=', input.deviceHash).where('endpoint', '!=', input.endpoint).execute();
    const fresh = crypto.randomUUID();
    const topics = input.topics.join(',');
    const categories = input.categories?.join(',');
    const row = await trx
      .insertInto('push_subscriptions')
      .values({
        id: fresh,
        endpoint: input.endpoint,
        p256dh: input.p256dh,
        auth: input.auth,
        account_id: input.accountId,
        device_hash: input.deviceHash,
        topics,
        categories: categories ?? '',
        label: input.label,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.column('endpoint').doUpdateSet((eb) => ({
          p256dh: input.p256dh,
          auth: input.auth,
          // Signing out does not unlink a device; only another account signing in on it does.
          account_id: input.accountId ?? eb.ref('push_subscriptions.account_id'),
          device_hash: input.deviceHash,
          topics,
          categories: categories ?? eb.ref('push_subscriptions.categories'),
          label: input.label,
          updated_at: now,
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.accountId === null && input.wishlist) await replaceDeviceProducts(trx, row.id, input.wishlist);
    if (input.accountId !== null) await dropDeviceProducts(trx, row.id);
    return { id: row.id, created: row.id === fresh };
  });
}

/** Deletes the subscription with `endpoint`; answers whether there was one. */
export async function deleteByEndpoint(db: Kysely<Database>, endpoint: string): Promise<{ id: string; accountId: string | null } | null> {
  const row = await db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).returning(['id', 'account_id']).executeTakeFirst();
  return row ? { id: row.id, accountId: row.account_id } : null;
}

/** Deletes a subscription the push service said is gone (404/410). */
export async function deleteById(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
}

/** Who is asking: the signed-in account and/or the device cookie. */
export interface DeviceOwner {
  accountId: string | null;
  deviceHash: string | null;
}

function owned(owner: DeviceOwner) {
  return (eb: ExpressionBuilder<Database, 'push_subscriptions'>) =>
    // An empty list is false in Kysely: nobody owns nothing.
    eb.or([
      ...(owner.accountId ? [eb('account_id', '=', owner.accountId)] : []),
      ...(owner.deviceHash ? [eb('device_hash', '=', owner.deviceHash)] : []),
    ]);
}

/** The devices of the account (and this device), oldest first. */
export async function listDevices(db: Kysely<Database>, owner: DeviceOwner): Promise<PushDevice[]> {
  const rows = await db.selectFrom('push_subscriptions').select(['id', 'label', 'topics', 'device_hash', 'created_at']).where(owned(owner)).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    topics: (row.topics ? row.topics.split(',') : []) as PushTopic[],
    current: owner.deviceHash !== null && row.device_hash === owner.deviceHash,
    createdAt: Number(row.created_at),
  }));
}

/** Changes the topics of one of the owner's devices; false when it is not theirs (or gone). */
export async function setTopics(db: Kysely<Database>, owner: DeviceOwner, id: string, topics: readonly string[], now: number): Promise<boolean> {
  const result = await db.updateTable('push_subscriptions').set({ topics: topics.join(','), updated_at: now }).where('id', '=', id).where(owned(owner)).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes one of the owner's devices; false when it is not theirs (or gone). */
export async function deleteOwned(db: Kysely<Database>, owner: DeviceOwner, id: string): Promise<boolean> {
  const result = await db.deleteFrom('push_subscriptions').where('id', '=', id).where(owned(owner)).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Links the device's subscription (if any) to the account that just signed in on it. */
export async function linkDevice(db: Kysely<Database>, deviceHash: string, accountId: string, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('push_subscriptions').set({ account_id: accountId, updated_at: now }).where('device_hash', '=', deviceHash).returning('id').executeTakeFirst();
    if (row) await dropDeviceProducts(trx, row.id);
  });
}

async function replaceDeviceProducts(trx: Kysely<Database>, subscriptionId: string, productIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('push_device_products').where('subscription_id', '=', subscriptionId).execute();
  if (productIds.length === 0) return;
  const known = await trx.selectFrom('products').select('id').where('id', 'in', [...new Set(productIds)]).execute();
  if (known.length === 0) return;
  await trx.insertInto('push_device_products').values(known.map((p) => ({ subscription_id: subscriptionId, product_id: p.id }))).execute();
}

/** Once the device is an account's, the account's wishlist (merged from the browser at login) is what counts. */
async function dropDeviceProducts(trx: Kysely<Database>, subscriptionId: string): Promise<void> {
  await trx.deleteFrom('push_device_products').where('subscription_id', '=', subscriptionId).execute();
}
