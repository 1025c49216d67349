import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser } from '../support/browser';
import { startPushTestbed, type PushTestbed } from '../support/push-setup';
import { storeKinds } from '../support/server';
import { assertError, assertOk, freshMobile, login } from './auth-client';

const root = path.resolve(import.meta.dirname, '../..');

/** Helpers over one testbed: devices with topics and viewed categories, campaigns through the ops API. */
function helpers(bed: () => PushTestbed) {
  const ops = (method: string, url: string, body?: unknown) => new Browser(bed().server.url).send(method, `/ops/api/push${url}`, body, bed().server.operator);
  return {
    ops,
    async device(topics: string[], extra: { categories?: string[]; browser?: Browser } = {}) {
      const sub = bed().service.subscribe();
      const browser = extra.browser ?? new Browser(bed().server.url);
      const saved = assertOk(await browser.post('/api/push/subscriptions', { endpoint: sub.endpoint, keys: sub.keys, topics, ...(extra.categories ? { categories: extra.categories } : {}) }), 201);
      return { service: sub.id, id: saved.id as string };
    },
    async campaign(body: Record<string, unknown>) {
      const created = assertOk(await ops('POST', '/campaigns', { title: 'Big sale', body: 'Up to 60% off phones today.', url: '/mobiles/pr', ...body }), 202).campaign;
      await bed().server.shop.push.campaigns.kick();
      return assertOk(await ops('GET', `/campaigns/${created.id}`)).campaign;
    },
    got(device: { service: string }, campaignId: string) {
      return bed().service.received.filter((push) => push.subscriptionId === device.service && JSON.parse(push.payload!).notification.data.campaignId === campaignId).length;
    },
  };
}

for (const kind of storeKinds()) {
  describe(`POST /ops/api/push/campaigns (${kind})`, () => {
    let bed: PushTestbed;
    before(async () => {
      bed = await startPushTestbed(kind, { env: { PUSH_CAMPAIGN_CAP: '1' } });
    });
    after(() => bed.close());
    const h = helpers(() => bed);
    // Each test starts a day later, clear of the last one's frequency cap.
    const nextDay = () => bed.server.clock.advance(25 * 3600_000);

    it('should be for operators only', async () => {
      const res = await new Browser(bed.server.url).post('/ops/api/push/campaigns', { title: 't', body: 'b', url: '/' });
      assertError(res, 401, 'operator-required');
    });

    it('should refuse bad campaigns with a reason, and a payload over 3 KB', async () => {
      const base = { title: 'Sale', body: 'Today only', url: '/' };
      for (const [body, field] of [
        [{ ...base, title: '' }, 'title'],
        [{ ...base, url: 'https://evil.example/' }, 'url'],
        [{ ...base, url: '//evil.example/' }, 'url'],
        [{ ...base, topic: 'spam' }, 'topic'],
        [{ ...base, segment: { categoryViewed: 'Mobiles!' } }, 'segment.categoryViewed'],
        [{ ...base, extra: true }, 'campaign'],
      ] as const) {
        const details = assertError(await h.ops('POST', '/campaigns', body), 400, 'bad-request');
        assert.ok(details.problems.some((p: any) => p.field === field), `${field}: ${JSON.stringify(details)}`);
      }
      const huge = { title: '🎉'.repeat(80), body: '🛍️'.repeat(140), url: `/search?q=${'a'.repeat(990)}` };
      const details = assertError(await h.ops('POST', '/campaigns', huge), 400, 'push-payload-too-large');
      assert.ok(details.bytes > details.max);
    });

    it('should send a declarative push to the devices of its topic and segment', async () => {
      nextDay();
      const phones = await h.device(['offers'], { categories: ['mobiles', 'books'] });
      const books = await h.device(['offers'], { categories: ['books'] });
      const noOffers = await h.device(['price_drop'], { categories: ['mobiles'] });
      const campaign = await h.campaign({ segment: { categoryViewed: 'mobiles' } });
      assert.equal(campaign.status, 'sent');
      assert.deepEqual([h.got(phones, campaign.id), h.got(books, campaign.id), h.got(noOffers, campaign.id)], [1, 0, 0]);
      assert.deepEqual(campaign.counts, { targeted: 1, delivered: 1, capped: 0, gone: 0, failed: 0 });
      const push = bed.service.received.find((r) => r.subscriptionId === phones.service)!;
      const payload = JSON.parse(push.payload!);
      assert.deepEqual(payload.notification.title, 'Big sale');
      assert.equal(payload.notification.navigate, 'https://shop.example/mobiles/pr');
      assert.deepEqual([push.topic, push.urgency, push.ttl], ['offers', 'low', '43200']);
    });

    it('should pick devices by whether their shopper has an account, every device of a shopper', async () => {
      nextDay();
      const guest = await h.device(['offers']);
      const browser = new Browser(bed.server.url);
      await login(bed.server, browser, freshMobile());
      const first = await h.device(['offers'], { browser });
      const second = await h.device(['offers'], { browser: await (async () => {
        const other = new Browser(bed.server.url);
        bed.server.clock.advance(60_000);
        await login(bed.server, other, (await browser.get('/api/account/me')).body.account.mobile.slice(3));
        return other;
      })() });
      const campaign = await h.campaign({ segment: { hasAccount: true } });
      assert.deepEqual([h.got(guest, campaign.id), h.got(first, campaign.id), h.got(second, campaign.id)], [0, 1, 1]);
      const recipients = await bed.server.store.db.selectFrom('push_campaign_recipients').select('shopper').where('campaign_id', '=', campaign.id).execute();
      assert.equal(recipients.length, 1, 'the cap counts the shopper, not each device');
    });

    it('should leave out shoppers at the frequency cap until the window passes', async () => {
      nextDay();
      const device = await h.device(['back_in_stock']);
      const one = await h.campaign({ topic: 'back_in_stock' });
      const two = await h.campaign({ topic: 'back_in_stock', title: 'Another sale' });
      assert.deepEqual([h.got(device, one.id), h.got(device, two.id)], [1, 0]);
      assert.deepEqual(two.counts, { targeted: 1, delivered: 0, capped: 1, gone: 0, failed: 0 });
      bed.server.clock.advance(24 * 3600_000 + 1000);
      const three = await h.campaign({ topic: 'back_in_stock', title: 'Next day' });
      assert.equal(h.got(device, three.id), 1);
    });

    it('should delete subscriptions the push service says are gone, and count them', async () => {
      nextDay();
      const sub = bed.service.subscribe([{ status: 410 }]);
      const saved = assertOk(await new Browser(bed.server.url).post('/api/push/subscriptions', { endpoint: sub.endpoint, keys: sub.keys, topics: ['order_updates'] }), 201);
      const campaign = await h.campaign({ topic: 'order_updates' });
      assert.equal(campaign.counts.gone, 1);
      assert.equal(await bed.server.store.db.selectFrom('push_subscriptions').select('id').where('id', '=', saved.id).executeTakeFirst(), undefined);
    });

    it('should list campaigns newest first', async () => {
      const list = assertOk(await h.ops('GET', '/campaigns')).campaigns;
      assert.ok(list.length >= 4);
      assert.ok(list.every((c: any, i: number) => i === 0 || list[i - 1].createdAt >= c.createdAt));
      assertError(await h.ops('GET', '/campaigns/00000000-0000-4000-8000-000000000000'), 404, 'campaign-not-found');
    });

    it('should serve the console\'s push tab to operators only', async () => {
      const page = await fetch(`${bed.server.url}/ops/console/push`, { headers: { ...bed.server.operator, accept: 'text/html' } });
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      const anonymous = await fetch(`${bed.server.url}/ops/console/push`, { headers: { accept: 'text/html' }, redirect: 'manual' });
      assert.equal(anonymous.status, 303);
    });
  });
}

describe('campaigns in quiet hours', () => {
  let bed: PushTestbed;
  before(async () => {
    bed = await startPushTestbed('sqlite', { env: { PUSH_QUIET_HOURS: '21-9', PUSH_TIMEZONE: 'Asia/Kolkata' } });
  });
  after(() => bed.close());
  const h = helpers(() => bed);

  it('should wait until quiet hours end in the shop\'s time zone', async () => {
    // 23:00 in India.
    const night = Date.UTC(2030, 0, 15, 17, 30);
    bed.server.clock.now = night;
    const device = await h.device(['offers']);
    const created = assertOk(await h.ops('POST', '/campaigns', { title: 'Morning deals', body: 'Fresh deals', url: '/' }), 202).campaign;
    assert.equal(created.status, 'scheduled');
    assert.equal(created.sendAt, Date.UTC(2030, 0, 16, 3, 30));
    await bed.server.shop.push.campaigns.kick();
    assert.equal(h.got(device, created.id), 0);
    bed.server.clock.now = created.sendAt;
    await bed.server.shop.push.campaigns.kick();
    assert.equal(h.got(device, created.id), 1);
  });
});

describe('npm run push -- campaign', () => {
  let bed: PushTestbed;
  before(async () => {
    bed = await startPushTestbed('sqlite');
  });
  after(() => bed.close());
  const h = helpers(() => bed);
  const cli = (args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: bed.server.config.dataDir, PUSH_QUIET_HOURS: 'off', PUBLIC_ORIGIN: 'https://shop.example', LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/push/push-cli.ts'), ...args], { cwd: root, env, encoding: 'utf8' });
  };

  it('should schedule a campaign that the running server sends', async () => {
    const device = await h.device(['offers'], { categories: ['books'] });
    const result = cli(['campaign', '--title', 'Books week', '--body', 'Two for one', '--url', '/books/pr', '--category', 'books']);
    assert.equal(result.status, 0, result.stderr);
    const id = /campaign ([0-9a-f-]{36}) scheduled/.exec(result.stdout)?.[1];
    assert.ok(id, result.stdout);
    // The CLI stamps the campaign with the real time; the server's clock stood still since it started.
    bed.server.clock.now = Date.now();
    await bed.server.shop.push.campaigns.kick();
    assert.equal(h.got(device, id), 1);
    assert.match(cli(['list']).stdout, new RegExp(`${id}  sent`));
  });

  it('should explain bad input and exit 2', () => {
    const result = cli(['campaign', '--title', 'x', '--body', 'y', '--url', 'https://evil.example/']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /url: must be a path of the shop/);
    assert.equal(cli(['nonsense']).status, 2);
  });
});
