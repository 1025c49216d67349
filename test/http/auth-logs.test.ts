/**
 * Codes never reach the logs: the app runs with a logger that records everything down to `trace`
 * (production logs `info` and up), sends its SMS through the Twilio adapter to a local fake, and
 * every code the fake received is looked for in the log text.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createApp, type ShopApp } from '../../server/app';
import { seedCatalogIfEmpty } from '../../server/catalog/seed/index';
import { loadConfig } from '../../server/config';
import { openStore, type Store } from '../../server/store/database';
import type { TestServer } from '../support/server';
import { assertError, assertOk, freshMobile, wrongCode } from './auth-client';
import { loadOperatorToken } from '../../server/http/operators/operator-token';
import { Browser } from '../support/browser';

describe('auth logging', () => {
  const logs: string[] = [];
  const smsBodies: { to: string; body: string }[] = [];
  let refuse = '';
  let fake: http.Server;
  let httpServer: http.Server;
  let shop: ShopApp;
  let store: Store;
  let dataDir = '';
  const clock = { now: Date.now(), advance(ms: number) { this.now += ms; } };
  let server: TestServer;

  const codeFor = (mobile: string): string => {
    const body = smsBodies.filter((m) => m.to === `+91${mobile}`).at(-1)!.body;
    return /#(\d{6})$/.exec(body)![1]!;
  };

  before(async () => {
    fake = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(raw);
        smsBodies.push({ to: form.get('To')!, body: form.get('Body')! });
        // A provider that quotes the message back in its error must not get it into our logs either.
        if (form.get('To') === refuse) res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 21610, message: `Refused: ${form.get('Body')}` }));
        else res.writeHead(201, { 'content-type': 'application/json' }).end('{"sid":"SM1"}');
      });
    });
    fake.listen(0, '127.0.0.1');
    await new Promise((resolve) => fake.once('listening', resolve));

    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-logs-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'trace',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: '+15005550006',
      TWILIO_API_BASE: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`,
    });
    store = await openStore(config);
    await seedCatalogIfEmpty(store, 10);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: 'trace', redact: { paths: ['req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' } }, sink);
    shop = await createApp({ config, store, logger, now: () => clock.now });
    httpServer = shop.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => httpServer.once('listening', resolve));
    const operator = { authorization: `Bearer ${await loadOperatorToken(store.db, config.dataDir, process.env.OPS_TOKEN, logger)}` };
    server = { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, config, store, shop, operator, clock, close: async () => {} };
  });

  after(async () => {
    httpServer.closeAllConnections();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await new Promise<void>((resolve) => fake.close(() => resolve()));
    await shop.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should never write a code to the log, whatever the flow', async () => {
    const mobile = freshMobile();
    const b = new Browser(server.url);
    assertOk(await b.post('/api/auth/identify', { mobile }));
    assertError(await b.post('/api/auth/otp/verify', { mobile, code: wrongCode(codeFor(mobile)) }), 400, 'otp-invalid');
    assertOk(await b.post('/api/auth/otp/verify', { mobile, code: codeFor(mobile) }));
    assertError(await b.post('/api/auth/otp/verify', { mobile, code: codeFor(mobile) }), 400, 'otp-expired');
    assertError(await b.post('/api/auth/otp/resend', { mobile }), 429, 'otp-resend-cooldown');
    assertOk(await b.post('/api/auth/step-up/start'));
    assertOk(await b.post('/api/auth/step-up/verify', { code: codeFor(mobile) }));
    const next = freshMobile();
    assertOk(await b.post('/api/account/mobile/change/start', { mobile: next }));
    assertOk(await b.post('/api/account/mobile/change/verify', { mobile: next, code: codeFor(next) }));
    clock.advance(60_000);
    assertOk(await b.post('/api/auth/forgot/start', { mobile: next }));
    assertOk(await b.post('/api/auth/forgot/verify', { mobile: next, code: codeFor(next) }));

    refuse = `+91${freshMobile()}`;
    assertError(await b.post('/api/auth/identify', { mobile: refuse.slice(3) }), 503, 'sms-unavailable');

    const text = logs.join('');
    assert.ok(logs.length >= 10, 'the app logged requests');
    assert.ok(text.includes('could not send an OTP SMS'), 'the provider failure was logged');
    assert.equal(smsBodies.length, 5);
    for (const { body } of smsBodies) {
      const code = /#(\d{6})$/.exec(body)![1]!;
      assert.doesNotMatch(text, new RegExp(`(?<!\\d)${code}(?!\\d)`), `code ${code} is in the log`);
      assert.ok(!text.includes('verification code'), 'an SMS text is in the log');
    }
  });
});
