/**
 * Order updates: every status change of an order is a row of its timeline, whoever made it (an
 * operator's API call, `npm run orders` with the shop down, the shopper's cancel, the payment
 * sweep, on any server). Each server looks for new rows every few seconds and claims each with an
 * insert-if-absent, so exactly one push goes out per change. "Placed" is not news: the shopper is
 * looking at the confirmation.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/schema';

export const ORDER_POLL_MS = 5000;
/** Changes older than this when first seen (a server that was down a long time) are not sent. */
const MAX_AGE_MS = 3600_000;
const PAGE = 500;

export interface OrderChange {
  orderId: string;
  accountId: string;
  status: string;
}

export interface OrderWatchDeps {
  db: Kysely<Database>;
  logger: Logger;
  now(): number;
  send(change: OrderChange): Promise<void>;
}

export class OrderWatch {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  /** Changes made before this server started (less a minute) belong to the servers that were up then. */
  private readonly since: number;

  constructor(private readonly deps: OrderWatchDeps) {
    this.since = deps.now() - 60_000;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.kick(), ORDER_POLL_MS);
    this.timer.unref();
  }

  /** Looks for new changes now; resolves when those found are sent. */
  kick(): Promise<void> {
    this.running = this.running.then(() => this.check()).catch((err: unknown) => this.deps.logger.error({ err }, 'push: order updates failed'));
    return this.running;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async check(): Promise<void> {
    const { db, now } = this.deps;
    const after = Math.max(this.since, now() - MAX_AGE_MS);
    const rows = await db
      .selectFrom('order_timeline as t')
      .innerJoin('orders as o', 'o.id', 't.order_id')
      .select(['t.order_id', 't.seq', 't.status', 'o.account_id'])
      .where('t.at', '>', after)
      .where('t.status', '!=', 'placed')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('push_order_notices as n').select('n.order_id').whereRef('n.order_id', '=', 't.order_id').whereRef('n.seq', '=', 't.seq'))),
      )
      .orderBy('t.at')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const claimed = await db
        .insertInto('push_order_notices')
        .values({ order_id: row.order_id, seq: Number(row.seq), sent_at: now() })
        .onConflict((conflict) => conflict.columns(['order_id', 'seq']).doNothing())
        .returning('order_id')
        .executeTakeFirst();
      if (claimed) await this.deps.send({ orderId: row.order_id, accountId: row.account_id, status: row.status });
    }
  }
}
