import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeMobileVerdict, MOBILE_UNCHANGED, newMobileProblem } from './change-mobile';

const failure = (code: string, retryAfterSec: number | null = null, details: unknown = null) => ({ code, message: `server says ${code}.`, details, retryAfterSec });

describe('newMobileProblem', () => {
  it('checks the number as login does', () => {
    assert.match(newMobileProblem('', '+919876543210') ?? '', /Enter your mobile number/);
    assert.match(newMobileProblem('98765', '+919876543210') ?? '', /all 10 digits/);
    assert.match(newMobileProblem('5123456789', '+919876543210') ?? '', /start with 6, 7, 8 or 9/);
  });
  it('refuses the current number before asking the server', () => assert.equal(newMobileProblem('9876543210', '+919876543210'), MOBILE_UNCHANGED));
  it('accepts another valid number', () => assert.equal(newMobileProblem('9876500000', '+919876543210'), null));
});

describe('changeMobileVerdict', () => {
  it('puts number refusals under the number, at either stage', () => {
    for (const stage of ['start', 'code'] as const) {
      assert.deepEqual(changeMobileVerdict(failure('mobile-unchanged'), stage), { action: 'field', message: 'server says mobile-unchanged.' });
      assert.equal(changeMobileVerdict(failure('invalid-mobile'), stage).action, 'field');
      const taken = changeMobileVerdict(failure('mobile-taken'), stage);
      assert.equal(taken.action, 'field');
      assert.match(taken.message, /^server says mobile-taken\. Choose another number/);
    }
  });
  it('sends the shopper to the code sent moments ago when the start is within the cooldown', () => {
    assert.equal(changeMobileVerdict(failure('otp-resend-cooldown', 20), 'start').action, 'code-sent');
  });
  it('tells waits in words when codes are limited', () => {
    assert.deepEqual(changeMobileVerdict(failure('rate-limited', 120), 'start'), { action: 'form', message: 'server says rate-limited. You can try again in 2 minutes.' });
    assert.deepEqual(changeMobileVerdict(failure('login-locked', 60), 'start'), { action: 'form', message: 'Too many failed attempts. Try again in 60 seconds.' });
    assert.deepEqual(changeMobileVerdict(failure('sms-unavailable'), 'start'), { action: 'form', message: 'server says sms-unavailable.' });
  });
  it('shows the step-up’s own refusals above the button, never as a code already sent', () => {
    assert.deepEqual(changeMobileVerdict(failure('otp-resend-cooldown', 12), 'step-up'), { action: 'form', message: 'server says otp-resend-cooldown. You can try again in 12 seconds.' });
  });
  it('leaves refusals of the code to the code entry', () => {
    for (const code of ['otp-invalid', 'otp-expired', 'otp-attempts-exceeded', 'login-locked', 'otp-resend-cooldown', 'rate-limited']) {
      assert.equal(changeMobileVerdict(failure(code, 30), 'code').action, 'code', code);
    }
  });
  it('starts again when the recent login runs out while the code is on screen', () => {
    assert.equal(changeMobileVerdict(failure('step-up-required'), 'code').action, 'again');
    assert.equal(changeMobileVerdict(failure('step-up-required'), 'start').action, 'form');
  });
});
