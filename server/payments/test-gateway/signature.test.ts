import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { AppError } from '../../errors/app-error';
import { returnSignatureMatches, signReturn, signWebhook, verifyWebhookSignature, WEBHOOK_TOLERANCE_S } from './signature';

const SECRET = 'test-secret-of-enough-length-0123456789';
const BODY = Buffer.from('{"id":"evt_1","type":"payment.succeeded"}');
const NOW = 1_800_000_000_000;

function code(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not-an-app-error';
  }
  return undefined;
}

describe('verifyWebhookSignature', () => {
  it('should accept a signature made with the secret, as an HMAC-SHA256 over "t.body"', () => {
    const header = signWebhook(SECRET, BODY, NOW / 1000);
    const expected = crypto.createHmac('sha256', SECRET).update(`${NOW / 1000}.${BODY.toString()}`).digest('hex');
    assert.equal(header, `t=${NOW / 1000},v1=${expected}`);
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, header, NOW)), undefined);
  });

  it('should accept any of several v1 values', () => {
    const good = signWebhook(SECRET, BODY, NOW / 1000);
    const header = `t=${NOW / 1000},v1=${'0'.repeat(64)},${good.split(',')[1]}`;
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, header, NOW)), undefined);
  });

  it('should refuse a missing, malformed or wrong signature', () => {
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, undefined, NOW)), 'webhook-signature-invalid');
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, 'v1=abc', NOW)), 'webhook-signature-invalid');
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, signWebhook('another-secret', BODY, NOW / 1000), NOW)), 'webhook-signature-invalid');
    const tampered = Buffer.from(BODY.toString().replace('succeeded', 'failed'));
    assert.equal(code(() => verifyWebhookSignature(SECRET, tampered, signWebhook(SECRET, BODY, NOW / 1000), NOW)), 'webhook-signature-invalid');
    // The timestamp is signed too: moving it breaks the signature.
    const moved = signWebhook(SECRET, BODY, NOW / 1000).replace(`t=${NOW / 1000}`, `t=${NOW / 1000 + 1}`);
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, moved, NOW)), 'webhook-signature-invalid');
  });

  it('should refuse a signature older or newer than the tolerance', () => {
    const edge = signWebhook(SECRET, BODY, NOW / 1000 - WEBHOOK_TOLERANCE_S);
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, edge, NOW)), undefined);
    const old = signWebhook(SECRET, BODY, NOW / 1000 - WEBHOOK_TOLERANCE_S - 1);
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, old, NOW)), 'webhook-stale');
    const future = signWebhook(SECRET, BODY, NOW / 1000 + WEBHOOK_TOLERANCE_S + 1);
    assert.equal(code(() => verifyWebhookSignature(SECRET, BODY, future, NOW)), 'webhook-stale');
  });
});

describe('return signatures', () => {
  it('should match only the same order, payment and outcome', () => {
    const sig = signReturn(SECRET, 'OD1', 'pay_1', 'paid');
    assert.ok(returnSignatureMatches(SECRET, 'OD1', 'pay_1', 'paid', sig));
    assert.ok(!returnSignatureMatches(SECRET, 'OD1', 'pay_1', 'failed', sig));
    assert.ok(!returnSignatureMatches(SECRET, 'OD2', 'pay_1', 'paid', sig));
    assert.ok(!returnSignatureMatches(SECRET, 'OD1', 'pay_1', 'paid', 'zz'));
  });
});
