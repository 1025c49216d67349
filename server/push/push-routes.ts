/**
 * `/api/push` (ARCHITECTURE §8): `GET /key` the VAPID public key; `POST /subscriptions` stores this
 * device's subscription with its topics (linked to the account when signed in); `DELETE
 * /subscriptions` by endpoint unsubscribes; `GET /subscriptions` lists this device and the
 * account's others; `PATCH|DELETE /subscriptions/:id` change or remove one of them.
 */
import { Router, type Request } from 'express';
import type { PushDeviceList, PushKey } from '../../shared/api-types';
import { sessionAccountId } from '../auth/session/current-session';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { noStore } from '../http/no-store';
import { sameOriginOnly } from '../http/same-origin';
import { parseInput } from '../http/validate';
import { internalEvents } from '../telemetry/internal-events';
import { lastCampaignOf, shopperOf } from './campaigns/campaign-store';
import { deviceLabel } from './device-label';
import { ensureDeviceHash, readDeviceHash } from './device-cookie';
import { checkEndpointUrl } from './endpoint-guard';
import type { PushService } from './push-service';
import { deleteByEndpoint, deleteOwned, listDevices, saveSubscription, setTopics, type DeviceOwner } from './subscription-store';
import { deviceParams, endpointBody, subscriptionBody, topicsBody } from './subscription-schema';

// An unsubscribe within a week of a campaign is counted against that campaign.
const ATTRIBUTION_MS = 7 * 24 * 3600_000;

export function pushRoutes(deps: ServerDeps, push: PushService): Router {
  const { db } = deps.store;
  const secure = deps.config.secureCookies;
  const events = internalEvents(deps);
  const router = Router();
  router.use(sameOriginOnly);
  router.use(noStore);

  const owner = async (req: Request): Promise<DeviceOwner> => ({ accountId: await sessionAccountId(deps, req), deviceHash: readDeviceHash(req, secure) });

  router.get('/key', (_req, res) => {
    res.json({ publicKey: push.vapid.publicKey } satisfies PushKey);
  });

  router.post('/subscriptions', async (req, res) => {
    const body = parseInput(subscriptionBody, req.body, 'push subscription');
    const check = checkEndpointUrl(body.endpoint, push.rules);
    if (!check.ok) throw new AppError('push-endpoint-refused', { reason: check.reason });
    const accountId = await sessionAccountId(deps, req);
    const deviceHash = ensureDeviceHash(req, res, secure);
    const saved = await saveSubscription(
      db,
      {
        endpoint: body.endpoint,
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
        topics: body.topics,
        categories: body.categories,
        wishlist: body.wishlist,
        accountId,
        deviceHash,
        label: deviceLabel(req.headers['user-agent']),
      },
      deps.now(),
    );
    if (accountId === null && body.wishlist) await push.watch(body.wishlist);
    if (saved.created) events.record('push', { eventType: 'PUSH_SUBSCRIBED', subscriptionId: saved.id, topics: body.topics.join(','), hasAccount: accountId !== null, service: check.url.host });
    const devices = await listDevices(db, { accountId, deviceHash });
    res.status(saved.created ? 201 : 200).json({ id: saved.id, devices } satisfies PushDeviceList & { id: string });
  });

  router.delete('/subscriptions', async (req, res) => {
    const { endpoint } = parseInput(endpointBody, req.body ?? {}, 'push subscription');
    const removed = await deleteByEndpoint(db, endpoint);
    if (removed) {
      const campaignId = await lastCampaignOf(db, shopperOf(removed), deps.now() - ATTRIBUTION_MS);
      events.record('push', { eventType: 'PUSH_UNSUBSCRIBED', subscriptionId: removed.id, reason: 'shopper', ...(campaignId ? { campaignId } : {}) });
    }
    res.status(204).end();
  });

  router.get('/subscriptions', async (req, res) => {
    res.json({ devices: await listDevices(db, await owner(req)) } satisfies PushDeviceList);
  });

  router.patch('/subscriptions/:id', async (req, res) => {
    const { id } = parseInput(deviceParams, req.params, 'device');
    const { topics } = parseInput(topicsBody, req.body, 'topics');
    const who = await owner(req);
    if (!(await setTopics(db, who, id, topics, deps.now()))) throw new AppError('push-subscription-not-found', { id });
    events.record('push', { eventType: 'PUSH_TOPICS_CHANGED', subscriptionId: id, topics: topics.join(',') });
    res.json({ devices: await listDevices(db, who) } satisfies PushDeviceList);
  });

  router.delete('/subscriptions/:id', async (req, res) => {
    const { id } = parseInput(deviceParams, req.params, 'device');
    const who = await owner(req);
    if (!(await deleteOwned(db, who, id))) throw new AppError('push-subscription-not-found', { id });
    events.record('push', { eventType: 'PUSH_UNSUBSCRIBED', subscriptionId: id, reason: 'shopper' });
    res.json({ devices: await listDevices(db, who) } satisfies PushDeviceList);
  });

  return router;
}
