/** Which devices a push goes to: by topic, and by who wished for a product or owns an order. */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { PushTopic } from '../../shared/api-types';
import type { Database } from '../store/schema';
import type { PushTarget } from './subscription-store';

type SubscriptionQuery = SelectQueryBuilder<Database, 'push_subscriptions', PushTarget>;

/** Subscriptions with `topic` on, selected as push targets. */
export function withTopic(db: Kysely<Database>, topic: PushTopic): SubscriptionQuery {
  return db
    .selectFrom('push_subscriptions')
    .select(['push_subscriptions.id', 'endpoint', 'p256dh', 'auth', 'account_id as accountId'])
    // Topics are a comma list: wrapping it in commas makes each topic a whole-word match.
    .where(sql<string>`',' || push_subscriptions.topics || ','`, 'like', `%,${topic},%`);
}

/** Devices that want `topic` news about a product on their shopper's wishlist (or a guest device's own). */
export async function wishersOf(db: Kysely<Database>, productId: string, topic: PushTopic): Promise<PushTarget[]> {
  return withTopic(db, topic)
    .where((eb) =>
      eb.or([
        eb('account_id', 'in', eb.selectFrom('wishlist_items').select('account_id').where('product_id', '=', productId)),
        eb('push_subscriptions.id', 'in', eb.selectFrom('push_device_products').select('subscription_id').where('product_id', '=', productId)),
      ]),
    )
    .execute();
}

/** The account's devices that want order updates. */
export async function devicesOfAccount(db: Kysely<Database>, accountId: string, topic: PushTopic): Promise<PushTarget[]> {
  return withTopic(db, topic).where('account_id', '=', accountId).execute();
}
