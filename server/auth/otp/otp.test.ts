import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generateOtp, hashOtp, otpMatches, OTP_PATTERN } from './otp-code';
import { loadOtpKey } from './otp-key';
import { openStore } from '../../store/database';

const key = Buffer.from('k'.repeat(32));
const binding = { challengeId: 'c1', mobile: '+919876543210', purpose: 'login' };

describe('generateOtp', () => {
  it('should give 6 digits, spread over the whole range', () => {
    const codes = Array.from({ length: 2000 }, generateOtp);
    assert.ok(codes.every((c) => OTP_PATTERN.test(c)));
    assert.ok(new Set(codes).size > 1990);
    assert.ok(codes.some((c) => c.startsWith('0')));
  });
});

describe('hashOtp / otpMatches', () => {
  it('should match only the same code for the same challenge, number and purpose', () => {
    const hash = hashOtp(key, binding, '123456');
    assert.ok(!hash.includes('123456'));
    assert.ok(otpMatches(key, binding, '123456', hash));
    assert.ok(!otpMatches(key, binding, '123457', hash));
    assert.ok(!otpMatches(key, { ...binding, purpose: 'reset' }, '123456', hash));
    assert.ok(!otpMatches(key, { ...binding, mobile: '+919876543211' }, '123456', hash));
    assert.ok(!otpMatches(key, { ...binding, challengeId: 'c2' }, '123456', hash));
    assert.ok(!otpMatches(Buffer.from('x'.repeat(32)), binding, '123456', hash));
    assert.ok(!otpMatches(key, binding, '123456', 'abcd'));
  });
});

describe('loadOtpKey', () => {
  it('should make a key once in the store, and every start on the store read the same one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otp-key-'));
    const store = await openStore({ dataDir: dir });
    try {
      const first = await loadOtpKey(store.db, undefined, dir, 1);
      assert.ok(first.length >= 32);
      assert.deepEqual(await loadOtpKey(store.db, undefined, dir, 2), first);
      assert.ok(!fs.existsSync(path.join(dir, 'secrets', 'otp-hmac.key')));
      assert.deepEqual(await loadOtpKey(store.db, 'c'.repeat(40), dir, 3), Buffer.from('c'.repeat(40)));
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("should move an older version's key file into the store once, so codes in flight still check", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otp-key-'));
    fs.mkdirSync(path.join(dir, 'secrets'));
    fs.writeFileSync(path.join(dir, 'secrets', 'otp-hmac.key'), 'k'.repeat(43));
    const store = await openStore({ dataDir: dir });
    try {
      assert.deepEqual(await loadOtpKey(store.db, undefined, dir, 1), Buffer.from('k'.repeat(43)));
      // Another node's disk holds another old key: the store's wins.
      const other = fs.mkdtempSync(path.join(os.tmpdir(), 'otp-key-'));
      fs.mkdirSync(path.join(other, 'secrets'));
      fs.writeFileSync(path.join(other, 'secrets', 'otp-hmac.key'), 'z'.repeat(43));
      assert.deepEqual(await loadOtpKey(store.db, undefined, other, 2), Buffer.from('k'.repeat(43)));
      fs.rmSync(other, { recursive: true, force: true });
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
