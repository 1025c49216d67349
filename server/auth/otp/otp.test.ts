import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generateOtp, hashOtp, otpMatches, OTP_PATTERN } from './otp-code';
import { loadOtpKey } from './otp-key';

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
  it('should generate a key once, with mode 0600, and read it back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otp-key-'));
    try {
      const first = loadOtpKey(undefined, dir);
      const file = path.join(dir, 'secrets', 'otp-hmac.key');
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.ok(first.length >= 32);
      assert.deepEqual(loadOtpKey(undefined, dir), first);
      assert.deepEqual(loadOtpKey('c'.repeat(40), dir), Buffer.from('c'.repeat(40)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
