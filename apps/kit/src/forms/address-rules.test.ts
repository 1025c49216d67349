import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressBody, addressProblems, digitsOnly, EMPTY_ADDRESS, serverProblems, type AddressDraft } from './address-rules';

const STATES = ['Karnataka', 'Kerala'];
const good: AddressDraft = {
  ...EMPTY_ADDRESS, name: 'Asha Rao', phone: '9876543210', pin: '560001', line1: '12, MG Road', city: 'Bengaluru', state: 'Karnataka',
};

describe('addressProblems', () => {
  it('accepts a complete Indian address', () => assert.deepEqual(addressProblems(good, STATES), {}));
  it('names every missing required field', () => {
    assert.deepEqual(Object.keys(addressProblems(EMPTY_ADDRESS, STATES)).sort(), ['city', 'line1', 'name', 'phone', 'pin', 'state']);
  });
  it('refuses PIN codes starting with 0 or not 6 digits', () => {
    assert.match(addressProblems({ ...good, pin: '060001' }, STATES).pin ?? '', /not start with 0/);
    assert.ok(addressProblems({ ...good, pin: '56000' }, STATES).pin);
  });
  it('refuses phones not starting with 6 to 9', () => assert.ok(addressProblems({ ...good, phone: '5876543210' }, STATES).phone));
  it('refuses a state not in the list', () => assert.ok(addressProblems({ ...good, state: 'Atlantis' }, STATES).state));
  it('checks lengths after trimming', () => {
    assert.ok(addressProblems({ ...good, name: ' A ' }, STATES).name);
    assert.ok(addressProblems({ ...good, line1: 'x'.repeat(121) }, STATES).line1);
    assert.equal(addressProblems({ ...good, line2: '   ' }, STATES).line2, undefined);
  });
});

describe('addressBody', () => {
  it('trims and sends blank optional fields as null', () => {
    const body = addressBody({ ...good, name: ' Asha Rao ', landmark: ' ' });
    assert.equal(body.name, 'Asha Rao');
    assert.equal(body.landmark, null);
    assert.equal(body.line2, null);
  });
});

describe('serverProblems', () => {
  it('maps problems to fields and keeps the rest for the form', () => {
    const result = serverProblems({ problems: [{ field: 'pin', problem: 'must be a 6-digit PIN code not starting with 0' }, { field: 'address', problem: 'must change at least one field' }] });
    assert.equal(result.fields.pin, 'This must be a 6-digit PIN code not starting with 0.');
    assert.equal(result.form, 'address must change at least one field.');
  });
  it('copes with no details', () => assert.deepEqual(serverProblems(null), { fields: {}, form: null }));
});

describe('digitsOnly', () => {
  it('keeps at most max digits', () => assert.equal(digitsOnly('56-00 01 9', 6), '560001'));
});
