/**
 * The sender against hostile endpoints: names the allowlist admits that resolve to loopback or
 * private addresses (DNS rebinding), plain HTTP, other ports, and redirects. Nothing may reach
 * anything but a push service.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Resolver } from '../../server/push/endpoint-guard';
import { Browser } from '../support/browser';
import { startPushTestbed, type PushTestbed } from '../support/push-setup';
import { assertError, assertOk } from './auth-client';

// A resolver standing in for a hostile DNS: each name answers what an attacker chose.
const ANSWERS: Record<string, Array<{ address: string; family: number }>> = {
  'loopback.push.test': [{ address: '127.0.0.1', family: 4 }],
  'metadata.push.test': [{ address: '169.254.169.254', family: 4 }],
  'intranet.push.test': [{ address: '10.0.0.8', family: 4 }],
  'v6.push.test': [{ address: '::1', family: 6 }],
  'mapped.push.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
  'mixed.push.test': [{ address: '142.250.183.10', family: 4 }, { address: '192.168.1.1', family: 4 }],
};
const resolve: Resolver = async (hostname) => {
  resolved.push(hostname);
  return ANSWERS[hostname] ?? [];
};
const resolved: string[] = [];

describe('push SSRF rules', () => {
  let bed: PushTestbed;
  before(async () => {
    bed = await startPushTestbed('sqlite', { env: { PUSH_ALLOWED_HOSTS: '*.push.test' }, app: { push: { resolve } } });
  });
  after(() => bed.close());

  const keys = () => bed.service.subscribe().keys;

  it('should refuse, at send time and before connecting, names that resolve to non-public addresses', async () => {
    for (const host of Object.keys(ANSWERS)) {
      const browser = new Browser(bed.server.url);
      const endpoint = `https://${host}/push/1`;
      const saved = assertOk(await browser.post('/api/push/subscriptions', { endpoint, keys: keys(), topics: ['offers'] }), 201);
      const report = await bed.server.shop.push.sender.send({ id: saved.id, endpoint, p256dh: keys().p256dh, auth: keys().auth, accountId: null }, '{}', { kind: 'campaign', subject: 'c' });
      assert.deepEqual(report, { outcome: 'refused', status: null, attempts: 1 }, host);
      assert.ok(resolved.includes(host), `${host} was looked up at send time`);
    }
    assert.equal(bed.service.counts.requests, 0);
  });

  it('should refuse stored endpoints that break the URL rules without looking anything up', async () => {
    resolved.length = 0;
    for (const endpoint of ['http://loopback.push.test/push/1', 'https://loopback.push.test:8443/push/1', 'https://127.0.0.1/push/1', 'https://evil.example/push/1', `${bed.service.origin.replace(/\d+$/, (port) => String(Number(port) + 1))}/push/1`]) {
      const report = await bed.server.shop.push.sender.send({ id: 'x', endpoint, p256dh: keys().p256dh, auth: keys().auth, accountId: null }, '{}', { kind: 'campaign', subject: 'c' });
      assert.equal(report.outcome, 'refused', endpoint);
    }
    assert.deepEqual(resolved, []);
  });

  it('should refuse such endpoints at subscription time too', async () => {
    for (const endpoint of ['http://loopback.push.test/push/1', 'https://loopback.push.test:444/push/1', 'https://[::1]/push/1', 'https://10.0.0.8/push/1']) {
      assertError(await new Browser(bed.server.url).post('/api/push/subscriptions', { endpoint, keys: keys(), topics: [] }), 400, 'push-endpoint-refused');
    }
  });

  it('should not follow a redirect from the push service', async () => {
    const target = bed.service.subscribe();
    for (const status of [301, 302, 303, 307, 308]) {
      const sub = bed.service.subscribe([{ status, headers: { Location: target.endpoint } }]);
      const report = await bed.server.shop.push.sender.send({ id: sub.id, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, accountId: null }, '{}', { kind: 'campaign', subject: 'c' });
      assert.deepEqual(report, { outcome: 'rejected', status, attempts: 1 });
    }
    assert.equal(bed.service.received.filter((push) => push.subscriptionId === target.id).length, 0);
  });
});
