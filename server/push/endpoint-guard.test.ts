import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEndpointUrl, guardedLookup, isHostAllowed, isPublicAddress, REFUSED_ADDRESS } from './endpoint-guard';
import { DEFAULT_PUSH_HOSTS } from '../config';

const rules = { allowedHosts: DEFAULT_PUSH_HOSTS, testOrigin: null };

describe('checkEndpointUrl', () => {
  it('should accept the push services of the browsers the shop supports', () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc:def',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
      'https://web.push.apple.com/QGuQyavXutnMH4W0',
      'https://api.push.apple.com/3/device/x',
      'https://wns2-par02p.notify.windows.com/w/?token=x',
      'https://fcm.googleapis.com:443/fcm/send/x',
    ]) {
      assert.deepEqual({ ok: checkEndpointUrl(endpoint, rules).ok, endpoint }, { ok: true, endpoint });
    }
  });

  it('should refuse other schemes, ports, hosts, addresses and credentials', () => {
    for (const [endpoint, reason] of [
      ['http://fcm.googleapis.com/fcm/send/x', /not https/],
      ['ftp://fcm.googleapis.com/x', /not https/],
      ['https://fcm.googleapis.com:8443/fcm/send/x', /port 8443/],
      ['https://fcm.googleapis.com:80/fcm/send/x', /port 80/],
      ['https://evil.example/push', /not an allowed push service/],
      ['https://fcm.googleapis.com.evil.example/x', /not an allowed push service/],
      ['https://push.apple.com/x', /not an allowed push service/],
      ['https://evilpush.apple.com/x', /not an allowed push service/],
      ['https://127.0.0.1/x', /IP address/],
      ['https://[::1]/x', /IP address/],
      ['https://169.254.169.254/latest/meta-data', /IP address/],
      ['https://user:pass@fcm.googleapis.com/x', /credentials/],
      ['not a url', /not a URL/],
    ] as const) {
      const check = checkEndpointUrl(endpoint, rules);
      assert.ok(!check.ok && reason.test(check.reason), `${endpoint}: ${JSON.stringify(check)}`);
    }
  });

  it('should let only the configured test origin through its exception', () => {
    const test = { allowedHosts: DEFAULT_PUSH_HOSTS, testOrigin: 'https://127.0.0.1:8443' };
    assert.deepEqual(checkEndpointUrl('https://127.0.0.1:8443/push/1', test).ok, true);
    assert.deepEqual(checkEndpointUrl('https://127.0.0.1:8444/push/1', test).ok, false);
    assert.deepEqual(checkEndpointUrl('http://127.0.0.1:8443/push/1', test).ok, false);
  });
});

describe('isHostAllowed', () => {
  it('should match names exactly and wildcards only below the suffix', () => {
    assert.ok(isHostAllowed('web.push.apple.com', ['*.push.apple.com']));
    assert.ok(!isHostAllowed('push.apple.com', ['*.push.apple.com']));
    assert.ok(!isHostAllowed('xpush.apple.com', ['*.push.apple.com']));
    assert.ok(!isHostAllowed('fcm.googleapis.com.', ['fcm.googleapis.com']));
  });
});

describe('isPublicAddress', () => {
  it('should refuse private, loopback, link-local and mapped forms of them', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', 'not-an-ip']) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });

  it('should accept public addresses', () => {
    for (const address of ['142.250.183.10', '17.253.144.10', '2607:f8b0:4004:c1b::5f', '::ffff:142.250.183.10']) assert.equal(isPublicAddress(address), true, address);
  });
});

describe('guardedLookup', () => {
  const lookup = (answers: Array<{ address: string; family: number }>, options: object = {}) =>
    new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((resolve) => {
      guardedLookup(async () => answers)('push.example', options as never, ((error: NodeJS.ErrnoException | null, ...result: unknown[]) => resolve({ error, result })) as never);
    });

  it('should hand the socket the vetted public address', async () => {
    assert.deepEqual(await lookup([{ address: '142.250.183.10', family: 4 }]), { error: null, result: ['142.250.183.10', 4] });
    assert.deepEqual((await lookup([{ address: '142.250.183.10', family: 4 }], { all: true })).result, [[{ address: '142.250.183.10', family: 4 }]]);
  });

  it('should refuse a name with any non-public address, so a rebinding answer cannot sneak in', async () => {
    for (const answers of [[{ address: '127.0.0.1', family: 4 }], [{ address: '142.250.183.10', family: 4 }, { address: '10.0.0.7', family: 4 }], [{ address: '::ffff:192.168.0.1', family: 6 }], []]) {
      const { error } = await lookup(answers);
      assert.equal(error?.code, REFUSED_ADDRESS, JSON.stringify(answers));
    }
  });
});
