import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser } from '../support/browser';
import { startPushTestbed, type PushTestbed } from '../support/push-setup';
import { storeKinds } from '../support/server';
import { assertError, assertOk, freshMobile, login } from './auth-client';

for (const kind of storeKinds()) {
  describe(`/api/push (${kind})`, () => {
    let bed: PushTestbed;
    before(async () => {
      bed = await startPushTestbed(kind);
    });
    after(() => bed.close());
    const subscription = (topics: string[] = ['price_drop', 'offers']) => ({ ...bed.service.subscribe(), id: undefined, topics });

    describe('GET /key', () => {
      it('should answer the VAPID public key the store keeps, the same on every request', async () => {
        const browser = new Browser(bed.server.url);
        const first = assertOk(await browser.get('/api/push/key'));
        assert.match(first.publicKey, /^B[A-Za-z0-9_-]{86}$/);
        assert.deepEqual(assertOk(await browser.get('/api/push/key')), first);
        const row = await bed.server.store.db.selectFrom('push_vapid_keys').select('public_key').executeTakeFirstOrThrow();
        assert.equal(row.public_key, first.publicKey);
      });
    });

    describe('POST /subscriptions', () => {
      it('should store the device once, set its device cookie and answer it as this device', async () => {
        const browser = new Browser(bed.server.url);
        const sub = subscription();
        const created = await browser.post('/api/push/subscriptions', sub);
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const cookie = browser.setCookies.find((line) => line.startsWith('__Host-sf_push='));
        assert.ok(cookie && /HttpOnly/.test(cookie) && /Secure/.test(cookie), cookie);
        assert.deepEqual(created.body.devices.map((d: any) => [d.id, d.current, d.topics]), [[created.body.id, true, ['offers', 'price_drop']]]);
        const again = await browser.post('/api/push/subscriptions', { ...sub, topics: ['order_updates'] });
        assert.equal(again.status, 200);
        assert.equal(again.body.id, created.body.id);
        assert.deepEqual(again.body.devices[0].topics, ['order_updates']);
        const rows = await bed.server.store.db.selectFrom('push_subscriptions').select('id').where('endpoint', '=', sub.endpoint).execute();
        assert.equal(rows.length, 1);
      });

      it('should replace the device\'s old subscription when it renews with a new endpoint', async () => {
        const browser = new Browser(bed.server.url);
        const old = assertOk(await browser.post('/api/push/subscriptions', subscription()), 201);
        const renewed = assertOk(await browser.post('/api/push/subscriptions', subscription()), 201);
        assert.notEqual(renewed.id, old.id);
        assert.deepEqual(renewed.devices.map((d: any) => d.id), [renewed.id]);
        assert.equal(await bed.server.store.db.selectFrom('push_subscriptions').select('id').where('id', '=', old.id).executeTakeFirst(), undefined);
      });

      it('should refuse malformed subscriptions, naming the field', async () => {
        const browser = new Browser(bed.server.url);
        const good = subscription();
        const cases: Array<[unknown, string]> = [
          [{ ...good, keys: { ...good.keys, p256dh: 'AAAA' } }, 'keys.p256dh'],
          [{ ...good, keys: { ...good.keys, auth: good.keys.p256dh } }, 'keys.auth'],
          [{ ...good, topics: ['spam'] }, 'topics.0'],
          [{ ...good, endpoint: 'not a url' }, 'endpoint'],
          [{ ...good, extra: 1 }, 'push subscription'],
          [{ ...good, wishlist: ['drop table'] }, 'wishlist.0'],
          [{ endpoint: good.endpoint, topics: [] }, 'keys'],
        ];
        for (const [body, field] of cases) {
          const details = assertError(await browser.post('/api/push/subscriptions', body), 400, 'bad-request');
          assert.ok(details.problems.some((p: any) => p.field === field), `${field}: ${JSON.stringify(details)}`);
        }
      });

      it('should refuse endpoints that are not an allowed push service', async () => {
        const browser = new Browser(bed.server.url);
        const good = subscription();
        for (const endpoint of ['https://evil.example/push/1', 'http://fcm.googleapis.com/fcm/send/x', 'https://fcm.googleapis.com:8443/fcm/send/x', 'https://10.0.0.1/push']) {
          const details = assertError(await browser.post('/api/push/subscriptions', { ...good, endpoint }), 400, 'push-endpoint-refused');
          assert.ok(details.reason.length > 5, endpoint);
        }
        // Real push services are welcome (sending to them is for the sender to try).
        assertOk(await browser.post('/api/push/subscriptions', { ...good, endpoint: 'https://fcm.googleapis.com/fcm/send/abc' }), 201);
      });

      it('should refuse a request from another site', async () => {
        const res = await new Browser(bed.server.url).post('/api/push/subscriptions', subscription(), { 'sec-fetch-site': 'cross-site' });
        assertError(res, 403, 'forbidden');
      });
    });

    describe('DELETE /subscriptions', () => {
      it('should unsubscribe by endpoint, and answer 204 again for one already gone', async () => {
        const browser = new Browser(bed.server.url);
        const sub = subscription();
        assertOk(await browser.post('/api/push/subscriptions', sub), 201);
        assert.equal((await browser.send('DELETE', '/api/push/subscriptions', { endpoint: sub.endpoint })).status, 204);
        assert.deepEqual(assertOk(await browser.get('/api/push/subscriptions')).devices, []);
        assert.equal((await browser.send('DELETE', '/api/push/subscriptions', { endpoint: sub.endpoint })).status, 204);
        assertError(await browser.send('DELETE', '/api/push/subscriptions', {}), 400, 'bad-request');
      });
    });

    describe('devices of an account', () => {
      it('should link a guest\'s device at login and let the account manage its other devices', async () => {
        const mobile = freshMobile();
        const phone = new Browser(bed.server.url);
        const phoneSub = subscription(['offers']);
        assertOk(await phone.post('/api/push/subscriptions', phoneSub), 201);
        await login(bed.server, phone, mobile);
        // The next code to the same number may be asked for after the resend wait.
        bed.server.clock.advance(60_000);
        const laptop = new Browser(bed.server.url);
        await login(bed.server, laptop, mobile);
        const laptopDevice = assertOk(await laptop.post('/api/push/subscriptions', subscription(['order_updates'])), 201);

        const seen = assertOk(await phone.get('/api/push/subscriptions')).devices;
        assert.equal(seen.length, 2);
        assert.deepEqual(seen.map((d: any) => d.current), [true, false]);
        const changed = assertOk(await phone.send('PATCH', `/api/push/subscriptions/${laptopDevice.id}`, { topics: ['order_updates', 'price_drop', 'price_drop'] }));
        assert.deepEqual(changed.devices[1].topics, ['order_updates', 'price_drop']);

        const stranger = new Browser(bed.server.url);
        assertError(await stranger.send('PATCH', `/api/push/subscriptions/${laptopDevice.id}`, { topics: [] }), 404, 'push-subscription-not-found');
        assertError(await stranger.send('DELETE', `/api/push/subscriptions/${laptopDevice.id}`), 404, 'push-subscription-not-found');

        const left = assertOk(await phone.send('DELETE', `/api/push/subscriptions/${laptopDevice.id}`));
        assert.deepEqual(left.devices.map((d: any) => d.current), [true]);
      });
    });

    describe('telemetry table push', () => {
      it('should take no documents from outside, not even from an operator', async () => {
        const browser = new Browser(bed.server.url);
        const doc = { id: 'x1', data: { eventType: 'PUSH_SEND', outcome: 'delivered' } };
        assertError(await browser.post('/foxtrot/v1/document/push', doc), 403, 'telemetry-table-internal');
        assertError(await browser.post('/foxtrot/v1/document/push/bulk', [doc], bed.server.operator), 403, 'telemetry-table-internal');
        assert.equal((await browser.post('/foxtrot/v1/document/storefront', doc)).status, 201);
      });
    });
  });
}

describe('VAPID keys from the environment', () => {
  it('should answer the configured public key', async () => {
    const bed = await startPushTestbed('sqlite', {
      env: { VAPID_PUBLIC_KEY: 'BKyUX8uQ7ldE5AhjzOasqqUXU5jOqHHvKL84D4N2AeqGDlHzLy2jKZTwSmVthnTbKMvBowGiSVi4iRb_T01cNZY', VAPID_PRIVATE_KEY: 'YfKrVF8cmpou3QV50XZ_gxA4Ssd1T8IpDYYSNk-ThA8', VAPID_SUBJECT: 'mailto:ops@shop.example' },
    });
    try {
      assert.equal(assertOk(await new Browser(bed.server.url).get('/api/push/key')).publicKey, 'BKyUX8uQ7ldE5AhjzOasqqUXU5jOqHHvKL84D4N2AeqGDlHzLy2jKZTwSmVthnTbKMvBowGiSVi4iRb_T01cNZY');
    } finally {
      await bed.close();
    }
  });
});
