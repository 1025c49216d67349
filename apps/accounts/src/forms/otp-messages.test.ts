import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeFromInput, formatCountdown, formatWait, otpVerdict } from './otp-messages';

const failure = (code: string, details: unknown = null, retryAfterSec: number | null = null) => ({ code, message: `server says ${code}`, details, retryAfterSec });

describe('otpVerdict', () => {
  it('tells how many attempts are left', () => {
    assert.equal(otpVerdict(failure('otp-invalid', { attemptsLeft: 3 })).message, 'server says otp-invalid 3 attempts left.');
    assert.equal(otpVerdict(failure('otp-invalid', { attemptsLeft: 1 })).message, 'server says otp-invalid 1 attempt left.');
  });
  it('asks for a new code when the code is void or expired', () => {
    assert.equal(otpVerdict(failure('otp-attempts-exceeded')).needsNewCode, true);
    assert.equal(otpVerdict(failure('otp-expired')).needsNewCode, true);
    assert.equal(otpVerdict(failure('otp-invalid', { attemptsLeft: 2 })).needsNewCode, false);
  });
  it('says how long a lockout lasts', () => {
    const verdict = otpVerdict(failure('login-locked', { retryAfterSec: 30 }, 30));
    assert.equal(verdict.message, 'Too many failed attempts. Try again in 30 seconds.');
    assert.equal(verdict.waitSec, 30);
  });
  it('keeps the server message for anything else', () => assert.equal(otpVerdict(failure('sms-unavailable')).message, 'server says sms-unavailable'));
});

describe('formatWait', () => {
  it('reads naturally', () => {
    assert.equal(formatWait(1), '1 second');
    assert.equal(formatWait(60), '60 seconds');
    assert.equal(formatWait(120), '2 minutes');
    assert.equal(formatWait(7200), '2 hours');
  });
});

describe('formatCountdown', () => {
  it('pads seconds', () => {
    assert.equal(formatCountdown(27), '0:27');
    assert.equal(formatCountdown(65), '1:05');
    assert.equal(formatCountdown(-3), '0:00');
  });
});

describe('codeFromInput', () => {
  it('keeps six digits of a pasted code', () => {
    assert.equal(codeFromInput('123 456'), '123456');
    assert.equal(codeFromInput('Your code is 654321.'), '654321');
  });
});
