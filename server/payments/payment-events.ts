/** Webhook event ids already applied, per provider: a second delivery of one is a replay. */
import type { Kysely } from 'kysely';
import { AppError } from '../errors/app-error';
import type { Database } from '../store/schema';

/**
 * Records a provider's event id inside the transaction that applies it; an id seen before is a
 * replay (`webhook-replayed`), even when the first delivery changed nothing.
 */
export async function recordEvent(trx: Kysely<Database>, provider: string, eventId: string, now: number): Promise<void> {
  const inserted = await trx
    .insertInto('payment_events')
    .values({ provider, event_id: eventId, received_at: now })
    .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) throw new AppError('webhook-replayed', { eventId });
}

/** Event ids are kept well past the signature tolerance (5 min), after which a replay is refused as stale anyway. */
export const EVENT_IDS_KEPT_MS = 24 * 60 * 60_000;

/** Forgets event ids older than a day. */
export async function pruneEvents(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('payment_events').where('received_at', '<=', now - EVENT_IDS_KEPT_MS).execute();
}
