/**
 * Campaigns and who got them. A campaign is claimed by one server with a conditional update; its
 * recipients are written before their pushes go out, one row per shopper, so a shopper never gets
 * one campaign twice (not when two servers race, not when a stalled campaign is resumed), and the
 * frequency cap can count a shopper's recent campaigns.
 */
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { PushCampaign, PushCampaignCounts, PushSegment, PushTopic } from '../../../shared/api-types';
import type { Database } from '../../store/schema';
import type { PushCampaignsTable } from '../tables';
import type { CampaignInput } from './campaign-schema';

/** A campaign still 'sending' this long after it started was left by a server that stopped. */
export const STALLED_AFTER_MS = 30 * 60_000;

export type CampaignRow = Selectable<PushCampaignsTable>;

/** Stores a new campaign, to start at `sendAt`. */
export async function insertCampaign(db: Kysely<Database>, input: CampaignInput, now: number, sendAt: number): Promise<CampaignRow> {
  const row: CampaignRow = {
    id: crypto.randomUUID(),
    title: input.title,
    body: input.body,
    url: input.url,
    topic: input.topic,
    segment: JSON.stringify(input.segment),
    status: 'scheduled',
    created_at: now,
    send_at: sendAt,
    started_at: null,
    finished_at: null,
    counts: null,
  };
  await db.insertInto('push_campaigns').values(row).execute();
  return row;
}

/** Claims the campaigns due at `now` (and stalled ones); each is claimed by exactly one server. */
export async function claimDueCampaigns(db: Kysely<Database>, now: number): Promise<CampaignRow[]> {
  const due = await db
    .selectFrom('push_campaigns')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'scheduled'), eb('send_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('started_at', '<', now - STALLED_AFTER_MS)]),
      ]),
    )
    .orderBy('send_at')
    .execute();
  const claimed: CampaignRow[] = [];
  for (const row of due) {
    const result = await db
      .updateTable('push_campaigns')
      .set({ status: 'sending', started_at: now })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where((eb) => (row.started_at === null ? eb('started_at', 'is', null) : eb('started_at', '=', row.started_at)))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push({ ...row, status: 'sending', started_at: now });
  }
  return claimed;
}

/** Marks a campaign finished with its counts. */
export async function finishCampaign(db: Kysely<Database>, id: string, status: 'sent' | 'failed', counts: PushCampaignCounts, now: number): Promise<void> {
  await db.updateTable('push_campaigns').set({ status, counts: JSON.stringify(counts), finished_at: now }).where('id', '=', id).execute();
}

/** Shoppers who already got `cap` campaigns since `since` (other than `campaignId`). */
export async function cappedShoppers(db: Kysely<Database>, campaignId: string, since: number, cap: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('push_campaign_recipients')
    .select('shopper')
    .where('sent_at', '>', since)
    .where('campaign_id', '!=', campaignId)
    .groupBy('shopper')
    .having((eb) => eb.fn.countAll(), '>=', cap)
    .execute();
  return new Set(rows.map((row) => row.shopper));
}

/** Records shoppers as recipients of a campaign; answers the ones that were not recorded before. */
export async function recordRecipients(db: Kysely<Database>, campaignId: string, shoppers: readonly string[], now: number): Promise<Set<string>> {
  if (shoppers.length === 0) return new Set();
  const rows = await db
    .insertInto('push_campaign_recipients')
    .values(shoppers.map((shopper) => ({ campaign_id: campaignId, shopper, sent_at: now })))
    .onConflict((conflict) => conflict.columns(['campaign_id', 'shopper']).doNothing())
    .returning('shopper')
    .execute();
  return new Set(rows.map((row) => row.shopper));
}

/** The most recent campaign a shopper got since `since`, for attributing an unsubscribe. */
export async function lastCampaignOf(db: Kysely<Database>, shopper: string, since: number): Promise<string | null> {
  const row = await db.selectFrom('push_campaign_recipients').select('campaign_id').where('shopper', '=', shopper).where('sent_at', '>', since).orderBy('sent_at', 'desc').limit(1).executeTakeFirst();
  return row?.campaign_id ?? null;
}

export async function getCampaign(db: Kysely<Database>, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('push_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest campaigns first. */
export async function listCampaigns(db: Kysely<Database>, limit = 50): Promise<CampaignRow[]> {
  return db.selectFrom('push_campaigns').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

/** A campaign as the ops API answers it. */
export function toCampaign(row: CampaignRow): PushCampaign {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    url: row.url,
    topic: row.topic as PushTopic,
    segment: JSON.parse(row.segment) as PushSegment,
    status: row.status as PushCampaign['status'],
    createdAt: Number(row.created_at),
    sendAt: Number(row.send_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    counts: row.counts === null ? null : (JSON.parse(row.counts) as PushCampaignCounts),
  };
}

/** Who the frequency cap counts: the account, or the device when nobody signed in on it. */
export function shopperOf(target: { id: string; accountId: string | null }): string {
  return target.accountId ? `a:${target.accountId}` : `d:${target.id}`;
}
