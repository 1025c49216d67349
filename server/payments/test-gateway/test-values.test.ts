import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from './test-values';

const NOW = Date.UTC(2026, 10, 30);

describe('decide', () => {
  it('should approve and decline by the documented UPI ids', () => {
    assert.deepEqual(decide({ method: 'upi', vpa: ' Success@TestPay ' }, NOW), { outcome: 'paid', method: 'upi' });
    assert.equal((decide({ method: 'upi', vpa: 'failure@testpay' }, NOW) as { outcome: string }).outcome, 'failed');
    assert.ok('error' in decide({ method: 'upi', vpa: 'someone@okbank' }, NOW));
  });

  it('should approve and decline by the documented card numbers, with a valid expiry and CVV', () => {
    const card = { method: 'card', expiry: '12/30', cvv: '123' };
    assert.deepEqual(decide({ ...card, number: '4111 1111 1111 1111' }, NOW), { outcome: 'paid', method: 'card' });
    assert.equal((decide({ ...card, number: '4000-0000-0000-0002' }, NOW) as { outcome: string }).outcome, 'failed');
    assert.ok('error' in decide({ ...card, number: '5555555555554444' }, NOW));
    assert.ok('error' in decide({ ...card, number: '4111111111111111', expiry: '10/26' }, NOW), 'expired card');
    assert.ok(!('error' in decide({ ...card, number: '4111111111111111', expiry: '11/26' }, NOW)), 'this month is still valid');
    assert.ok('error' in decide({ ...card, number: '4111111111111111', cvv: '12' }, NOW));
    assert.ok('error' in decide({ ...card, number: '4111111111111111', expiry: '13/30' }, NOW));
  });

  it('should treat "Cancel payment" as a failed payment', () => {
    assert.deepEqual(decide({ method: 'cancel' }, NOW), { outcome: 'failed', method: 'cancel', reason: 'cancelled by the shopper' });
  });

  it('should ask for a method when the form has none', () => {
    assert.ok('error' in decide({}, NOW));
    assert.ok('error' in decide(null, NOW));
    assert.ok('error' in decide({ method: 'netbanking' }, NOW));
  });
});
