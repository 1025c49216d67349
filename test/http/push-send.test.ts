import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PushTarget } from '../../server/push/subscription-store';
import { Browser } from '../support/browser';
import { startPushTestbed, type PushTestbed } from '../support/push-setup';
import type { ScriptedAnswer } from '../support/push-service';
import { storeKinds } from '../support/server';
import { assertOk } from './auth-client';

for (const kind of storeKinds()) {
  describe(`push sender against a push service (${kind})`, () => {
    let bed: PushTestbed;
    before(async () => {
      bed = await startPushTestbed(kind);
    });
    after(() => bed.close());

    /** A device subscribed through the API whose pushes the service answers with `script`. */
    async function device(script: ScriptedAnswer[] = []): Promise<{ target: PushTarget; id: string }> {
      const sub = bed.service.subscribe(script);
      const saved = assertOk(await new Browser(bed.server.url).post('/api/push/subscriptions', { endpoint: sub.endpoint, keys: sub.keys, topics: ['offers'] }), 201);
      return { id: sub.id, target: { id: saved.id, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, accountId: null } };
    }
    const send = (target: PushTarget, payload = '{"web_push":8030,"notification":{"title":"Hi","navigate":"https://shop.example/"}}') =>
      bed.server.shop.push.sender.send(target, payload, { kind: 'price_drop', subject: 'itm00000000000a1', meta: { test: 'send' } });
    const exists = async (id: string) => (await bed.server.store.db.selectFrom('push_subscriptions').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    const receivedBy = (id: string) => bed.service.received.filter((push) => push.subscriptionId === id);

    it('should deliver a push the service can authenticate and decrypt, with the kind\'s TTL, urgency and topic', async () => {
      const { target, id } = await device();
      const payload = JSON.stringify({ web_push: 8030, notification: { title: 'Price drop: now ₹999', navigate: 'https://shop.example/p', body: 'é'.repeat(100) } });
      const report = await send(target, payload);
      assert.deepEqual(report, { outcome: 'delivered', status: 201, attempts: 1 });
      const [push] = receivedBy(id);
      assert.equal(push?.problem, undefined);
      assert.equal(push?.payload, payload, 'decrypted with the subscription\'s private key, byte for byte');
      assert.deepEqual([push?.ttl, push?.urgency, push?.topic], ['86400', 'normal', 'pd-itm00000000000a1']);
    });

    for (const status of [404, 410]) {
      it(`should delete the subscription when the service answers ${status}`, async () => {
        const { target } = await device([{ status }]);
        assert.deepEqual(await send(target), { outcome: 'gone', status, attempts: 1 });
        assert.equal(await exists(target.id), false);
      });
    }

    it('should report 413 as too large and keep the subscription', async () => {
      const { target } = await device([{ status: 413 }]);
      assert.deepEqual(await send(target), { outcome: 'too-large', status: 413, attempts: 1 });
      assert.equal(await exists(target.id), true);
    });

    it('should refuse a payload over 3 KB before sending anything', async () => {
      const { target, id } = await device();
      const report = await send(target, JSON.stringify({ title: 'x'.repeat(3100) }));
      assert.deepEqual(report, { outcome: 'too-large', status: null, attempts: 0 });
      assert.equal(receivedBy(id).length, 0);
    });

    it('should retry a 429 after the Retry-After the service asked for', async () => {
      bed.waits.length = 0;
      const { target, id } = await device([{ status: 429, headers: { 'Retry-After': '7' } }]);
      assert.deepEqual(await send(target), { outcome: 'delivered', status: 201, attempts: 2 });
      assert.deepEqual(bed.waits, [7000]);
      assert.equal(receivedBy(id).length, 2);
    });

    it('should give up on a 429 that asks for a longer wait than a send may hold', async () => {
      bed.waits.length = 0;
      const { target } = await device([{ status: 429, headers: { 'Retry-After': '3600' } }]);
      assert.deepEqual(await send(target), { outcome: 'throttled', status: 429, attempts: 1 });
      assert.deepEqual(bed.waits, []);
    });

    it('should retry 5xx with growing backoff, then give up', async () => {
      bed.waits.length = 0;
      const { target } = await device([{ status: 503 }, { status: 500 }, { status: 502 }, { status: 503 }]);
      assert.deepEqual(await send(target), { outcome: 'failed', status: 503, attempts: 4 });
      assert.equal(bed.waits.length, 3);
      // Full jitter within doubling ceilings: 0.5 s, 1 s, 2 s.
      bed.waits.forEach((wait, i) => assert.ok(wait >= 250 * 2 ** i && wait <= 500 * 2 ** i, `${i}: ${wait}`));
    });

    it('should never follow a redirect', async () => {
      const elsewhere = bed.service.subscribe();
      const { target } = await device([{ status: 307, headers: { Location: elsewhere.endpoint } }]);
      assert.deepEqual(await send(target), { outcome: 'rejected', status: 307, attempts: 1 });
      assert.equal(receivedBy(elsewhere.id).length, 0);
      assert.equal(await exists(target.id), true);
    });

    it('should record every outcome in telemetry table push', async () => {
      const { target } = await device([{ status: 410 }]);
      await send(target);
      await bed.server.shop.push.flushTelemetry();
      const res = await fetch(`${bed.server.url}/foxtrot/v1/analytics`, {
        method: 'POST',
        headers: { ...bed.server.operator, 'content-type': 'application/json' },
        body: JSON.stringify({ opcode: 'query', table: 'push', filters: [{ operator: 'equals', field: 'subscriptionId', value: target.id }] }),
      });
      const body = (await res.json()) as { documents: Array<{ data: Record<string, unknown> }> };
      const sends = body.documents.map((doc) => doc.data).filter((data) => data.eventType === 'PUSH_SEND');
      assert.equal(sends.length, 1, JSON.stringify(body));
      assert.deepEqual(
        { outcome: sends[0]!.outcome, status: sends[0]!.status, kind: sends[0]!.kind, test: sends[0]!.test, service: sends[0]!.service },
        { outcome: 'gone', status: 410, kind: 'price_drop', test: 'send', service: new URL(bed.service.origin).host },
      );
    });
  });
}

describe('VAPID signing', () => {
  const keys = { VAPID_PUBLIC_KEY: 'BKyUX8uQ7ldE5AhjzOasqqUXU5jOqHHvKL84D4N2AeqGDlHzLy2jKZTwSmVthnTbKMvBowGiSVi4iRb_T01cNZY', VAPID_PRIVATE_KEY: 'YfKrVF8cmpou3QV50XZ_gxA4Ssd1T8IpDYYSNk-ThA8', VAPID_SUBJECT: 'mailto:ops@shop.example' };
  const other = 'BCtbKHYdqcHmZQqvaLHtVvS4yfzqaG_0HlV3vS-qDvOhBOzjmOCmV2z4ZEqYgPO-PzUybqAu5Yk5-6h0K-Fb1kA';

  for (const [expected, outcome] of [[keys.VAPID_PUBLIC_KEY, 'delivered'], [other, 'rejected']] as const) {
    it(`should be ${outcome} by a push service expecting ${expected === other ? 'another' : 'the shop\'s'} key`, async () => {
      const bed = await startPushTestbed('sqlite', { env: keys, service: { applicationServerKey: expected } });
      try {
        const sub = bed.service.subscribe();
        const report = await bed.server.shop.push.sender.send({ id: 'x', endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, accountId: null }, '{}', { kind: 'campaign', subject: 'c' });
        assert.equal(report.outcome, outcome);
        assert.equal(bed.service.received[0]?.problem, outcome === 'rejected' ? "signed with another key than the subscription's" : undefined);
      } finally {
        await bed.close();
      }
    });
  }
});
