/**
 * Sends campaigns: every server polls for due ones (and is kicked when an operator creates one
 * here); a claimed campaign walks its segment in pages, leaves out shoppers at the frequency cap,
 * records the rest as recipients, and sends with bounded concurrency. Memory stays flat whatever
 * the audience: one page of subscriptions and the pushes in flight.
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { PushCampaignCounts, PushSegment, PushTopic } from '../../../shared/api-types';
import type { Database } from '../../store/schema';
import { declarativePayload } from '../payload';
import type { PushSender } from '../push-sender';
import { withTopic } from '../recipients';
import { forEachWithLimit } from '../send-pool';
import type { PushTarget } from '../subscription-store';
import { cappedShoppers, claimDueCampaigns, type CampaignRow, finishCampaign, recordRecipients, shopperOf } from './campaign-store';

const PAGE = 500;
export const POLL_MS = 15_000;

export interface CampaignRunnerDeps {
  db: Kysely<Database>;
  sender: PushSender;
  logger: Logger;
  now(): number;
  origin: string;
  concurrency: number;
  cap: { count: number; windowMs: number };
}

export class CampaignRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly deps: CampaignRunnerDeps) {}

  /** Polls for due campaigns every POLL_MS. */
  start(): void {
    this.timer ??= setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  /** Looks for due campaigns now; resolves when this look (and any it queued behind) is done. */
  kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          for (const campaign of await claimDueCampaigns(this.deps.db, this.deps.now())) await this.run(campaign);
        } while (this.again && !this.closed);
      } catch (err) {
        this.deps.logger.error({ err }, 'push campaigns: the run failed');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Stops polling and waits for a campaign being sent. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async run(campaign: CampaignRow): Promise<void> {
    const { db, sender, now } = this.deps;
    const counts: PushCampaignCounts = { targeted: 0, delivered: 0, capped: 0, gone: 0, failed: 0 };
    const started = now();
    const payload = declarativePayload(
      { kind: 'campaign', title: campaign.title, body: campaign.body, url: campaign.url, tag: `campaign-${campaign.id}`, data: { campaignId: campaign.id } },
      this.deps.origin,
      Number(campaign.created_at),
    );
    const capped = await cappedShoppers(db, campaign.id, started - this.deps.cap.windowMs, this.deps.cap.count);
    /** Shoppers this run recorded: each of their devices gets the push. */
    const mine = new Set<string>();
    const audience = this.audience(campaign, capped, mine, counts, started);
    try {
      await forEachWithLimit(audience, this.deps.concurrency, async (target) => {
        const report = await sender.send(target, payload, { kind: 'campaign', subject: campaign.id, meta: { campaignId: campaign.id } });
        if (report.outcome === 'delivered') counts.delivered++;
        else if (report.outcome === 'gone') counts.gone++;
        else counts.failed++;
      });
      await finishCampaign(db, campaign.id, 'sent', counts, now());
      this.deps.logger.info({ campaignId: campaign.id, ...counts, ms: now() - started }, 'push campaign sent');
    } catch (err) {
      this.deps.logger.error({ err, campaignId: campaign.id }, 'push campaign failed');
      await finishCampaign(db, campaign.id, 'failed', counts, now());
    }
  }

  /** The campaign's devices, a page at a time, without the capped shoppers and those already sent to. */
  private async *audience(campaign: CampaignRow, capped: Set<string>, mine: Set<string>, counts: PushCampaignCounts, at: number): AsyncGenerator<PushTarget> {
    const segment = JSON.parse(campaign.segment) as PushSegment;
    let after = '';
    for (;;) {
      const page = await segmentQuery(this.deps.db, campaign.topic as PushTopic, segment).where('push_subscriptions.id', '>', after).orderBy('push_subscriptions.id').limit(PAGE).execute();
      if (page.length === 0) return;
      after = page.at(-1)!.id;
      counts.targeted += page.length;
      const eligible = page.filter((target) => {
        const isCapped = capped.has(shopperOf(target));
        if (isCapped) counts.capped++;
        return !isCapped;
      });
      const fresh = await recordRecipients(this.deps.db, campaign.id, [...new Set(eligible.map(shopperOf))].filter((s) => !mine.has(s)), at);
      for (const shopper of fresh) mine.add(shopper);
      for (const target of eligible) if (mine.has(shopperOf(target))) yield target;
    }
  }
}

/** Devices in a campaign's segment: the topic on, and the segment's conditions. */
export function segmentQuery(db: Kysely<Database>, topic: PushTopic, segment: PushSegment) {
  let query = withTopic(db, topic);
  // Category slugs are [a-z0-9-] (checked at the edge), so they hold no LIKE wildcards.
  if (segment.categoryViewed) query = query.where(sql<string>`',' || push_subscriptions.categories || ','`, 'like', `%,${segment.categoryViewed},%`);
  if (segment.hasAccount === true) query = query.where('account_id', 'is not', null);
  if (segment.hasAccount === false) query = query.where('account_id', 'is', null);
  return query;
}
