/**
 * The push domain of one server, built once by `app.ts`: VAPID keys, the sender and its agents,
 * the watch on wishlisted products (following the catalog's change signal), order updates, and
 * the campaign runner. Other domains reach it only through the hooks `app.ts` wires.
 */
import { onCatalogChanged } from '../catalog/catalog-events';
import type { ServerDeps } from '../deps';
import { internalEvents } from '../telemetry/internal-events';
import { CampaignRunner } from './campaigns/campaign-runner';
import { orderNotice, productChangeNotice } from './notification-texts';
import { declarativePayload } from './payload';
import { createPushAgents, type PushAgents } from './push-agents';
import { PushSender, type SendReport } from './push-sender';
import type { Resolver } from './endpoint-guard';
import { claimChanges, pruneWatch, watchProducts } from './product-watch';
import { devicesOfAccount, wishersOf } from './recipients';
import { forEachWithLimit } from './send-pool';
import { deleteById, type PushTarget } from './subscription-store';
import { loadVapidKeys, type VapidKeys } from './vapid-keys';
import { OrderWatch, type OrderChange } from './order-watch';
import type { PushServiceRules } from './endpoint-guard';

export type { OrderChange as OrderStatusChange } from './order-watch';

export interface PushOptions {
  /** Tests: a resolver instead of the system's DNS, and a sleep that does not wait. */
  resolve?: Resolver;
  sleep?: (ms: number) => Promise<void>;
}

export interface PushService {
  vapid: VapidKeys;
  rules: PushServiceRules;
  sender: PushSender;
  campaigns: CampaignRunner;
  /** Order status changes, found in the orders' timelines (every few seconds, or when kicked). */
  orders: OrderWatch;
  /** Starts watching the price and stock of products just wishlisted (a wishlist add hook). */
  watch(productIds: readonly string[]): Promise<void>;
  /** Compares watched products (those given, or all) with the catalog and sends drops and restocks; resolves when sent. */
  checkProducts(productIds?: readonly string[]): Promise<void>;
  /** Tells the order's shopper about its new status. */
  orderStatusChanged(change: OrderChange): Promise<void>;
  /** Writes the send outcomes recorded so far to telemetry (they otherwise go out every second). */
  flushTelemetry(): Promise<void>;
  close(): Promise<void>;
}

/** Loads the keys and starts the push domain of one server. */
export async function createPush(deps: ServerDeps, options: PushOptions = {}): Promise<PushService> {
  const { config, logger } = deps;
  const { db } = deps.store;
  const vapid = await loadVapidKeys(db, config.push.vapid, config.push.subject, deps.now());
  if (/@localhost$|\/\/localhost/.test(vapid.subject)) logger.warn({ subject: vapid.subject }, 'VAPID_SUBJECT names localhost: Apple\'s push service refuses such tokens; set a real mailto: or https: subject');
  const rules: PushServiceRules = { allowedHosts: config.push.allowedHosts, testOrigin: config.push.testService?.origin ?? null };
  const agents: PushAgents = createPushAgents({ maxSockets: config.push.concurrency, testServiceCaFile: config.push.testService?.caFile ?? null, ...(options.resolve ? { resolve: options.resolve } : {}) });
  const events = internalEvents(deps);
  const sender = new PushSender({
    vapid,
    rules,
    agents,
    events,
    logger,
    now: deps.now,
    forget: (target) => deleteById(db, target.id),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const campaigns = new CampaignRunner({ db, sender, logger, now: deps.now, origin: config.publicOrigin, concurrency: config.push.concurrency, cap: config.push.campaignCap });

  const sendAll = async (targets: PushTarget[], payload: string, context: Parameters<PushSender['send']>[2]): Promise<SendReport[]> => {
    const reports: SendReport[] = [];
    await forEachWithLimit(targets, config.push.concurrency, async (target) => void reports.push(await sender.send(target, payload, context)));
    return reports;
  };

  let checking: Promise<void> = Promise.resolve();
  const checkProducts = (productIds?: readonly string[]): Promise<void> => {
    // One comparison at a time per server: changes that arrive meanwhile are seen by the next one.
    checking = checking.then(async () => {
      const changes = await claimChanges(db, deps.now(), productIds);
      for (const change of changes) {
        const topic = change.kind === 'price_drop' ? 'price_drop' : 'back_in_stock';
        const targets = await wishersOf(db, change.productId, topic);
        const payload = declarativePayload(productChangeNotice(change), config.publicOrigin, deps.now());
        await sendAll(targets, payload, { kind: change.kind, subject: change.productId, meta: { productId: change.productId } });
      }
      if (changes.length > 0) await pruneWatch(db);
    }).catch((err: unknown) => logger.error({ err }, 'push: checking wishlisted products failed'));
    return checking;
  };
  // Not awaited: an operator's catalog change must not wait for pushes to go out.
  const stopWatching = onCatalogChanged(deps.store, (change) => void checkProducts(change?.products));
  campaigns.start();

  const orderStatusChanged = async (change: OrderChange): Promise<void> => {
    const notice = orderNotice(change.orderId, change.status);
    if (!notice) return;
    const targets = await devicesOfAccount(db, change.accountId, 'order_updates');
    const payload = declarativePayload(notice, config.publicOrigin, deps.now());
    await sendAll(targets, payload, { kind: 'order_update', subject: change.orderId, meta: { orderId: change.orderId, status: change.status } });
  };
  const orders = new OrderWatch({ db, logger, now: deps.now, send: orderStatusChanged });
  orders.start();

  return {
    vapid,
    rules,
    sender,
    campaigns,
    watch: (productIds) => watchProducts(db, productIds, deps.now()),
    checkProducts,
    orders,
    orderStatusChanged,
    flushTelemetry: () => events.flush(),
    async close() {
      stopWatching();
      await campaigns.close();
      await orders.close();
      await checking;
      agents.close();
    },
  };
}
