import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OutboxSms } from './outbox-sms';
import { otpSmsBody } from './sms-body';
import { SmsSendError, TwilioSms } from './twilio-sms';

describe('otpSmsBody', () => {
  it('should end with the WebOTP line', () => {
    const body = otpSmsBody('042917', 'shop.example');
    assert.ok(body.startsWith('042917 is your Storefront verification code.'));
    assert.ok(body.endsWith('\n\n@shop.example #042917'));
  });
});

describe('OutboxSms', () => {
  it('should append one JSON line per message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    try {
      const file = path.join(dir, 'outbox', 'sms.jsonl');
      const sink = new OutboxSms(file, () => 1234);
      await sink.send({ to: '+919876543210', body: 'one' });
      await sink.send({ to: '+919876543211', body: 'two\nlines' });
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(lines, [
        { to: '+919876543210', body: 'one', at: 1234 },
        { to: '+919876543211', body: 'two\nlines', at: 1234 },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('TwilioSms against a local fake of its API', () => {
  const sid = `AC${'0123456789abcdef'.repeat(2)}`;
  const received: { url: string; auth: string; type: string; form: URLSearchParams }[] = [];
  let answer = { status: 201, body: '{"sid":"SM1","status":"queued"}' };
  let server: http.Server;
  let base = '';

  before(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        received.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', type: req.headers['content-type'] ?? '', form: new URLSearchParams(raw) });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should post To, From and Body with basic auth to the Messages resource', async () => {
    const sms = new TwilioSms({ accountSid: sid, authToken: 'secret-token', from: '+15005550006', apiBase: base });
    await sms.send({ to: '+919876543210', body: '123456 is your code\n\n@localhost #123456' });
    const req = received.at(-1)!;
    assert.equal(req.url, `/2010-04-01/Accounts/${sid}/Messages.json`);
    assert.equal(req.auth, `Basic ${Buffer.from(`${sid}:secret-token`).toString('base64')}`);
    assert.equal(req.type, 'application/x-www-form-urlencoded');
    assert.equal(req.form.get('To'), '+919876543210');
    assert.equal(req.form.get('From'), '+15005550006');
    assert.equal(req.form.get('Body'), '123456 is your code\n\n@localhost #123456');
  });

  it('should reject with the provider status and code, never the body', async () => {
    answer = { status: 400, body: '{"code":21211,"message":"The To number 123456 is not valid"}' };
    const sms = new TwilioSms({ accountSid: sid, authToken: 't', from: '+15005550006', apiBase: base });
    await assert.rejects(sms.send({ to: '+919876543210', body: '654321 secret' }), (error: unknown) => {
      assert.ok(error instanceof SmsSendError);
      assert.equal(error.status, 400);
      assert.equal(error.providerCode, '21211');
      assert.ok(!error.message.includes('654321'));
      return true;
    });
  });

  it('should reject when the provider cannot be reached', async () => {
    const sms = new TwilioSms({ accountSid: sid, authToken: 't', from: '+1', apiBase: 'http://127.0.0.1:1' });
    await assert.rejects(sms.send({ to: '+919876543210', body: 'x' }), SmsSendError);
  });
});
