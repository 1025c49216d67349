import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePinInput, parseStoredPin, pinProblem } from './delivery-pin';

describe('normalisePinInput', () => {
  it('should keep ASCII digits only, at most six', () => {
    assert.equal(normalisePinInput('560 001'), '560001');
    assert.equal(normalisePinInput('PIN: 110-017'), '110017');
    assert.equal(normalisePinInput('5600012345'), '560001');
    assert.equal(normalisePinInput('५६०००१'), '');
    assert.equal(normalisePinInput(''), '');
  });
});

describe('pinProblem', () => {
  it('should accept a 6-digit PIN code not starting with 0', () => {
    assert.equal(pinProblem('560001'), null);
    assert.equal(pinProblem('999001'), null);
  });

  it('should say what is wrong otherwise', () => {
    assert.match(pinProblem('') ?? '', /Enter/);
    assert.match(pinProblem('5600') ?? '', /6 digits/);
    assert.match(pinProblem('012345') ?? '', /start with 0/);
  });
});

describe('parseStoredPin', () => {
  it('should read back a stored PIN code and ignore anything else', () => {
    assert.equal(parseStoredPin('400001'), '400001');
    for (const raw of [null, '', '012345', '40001', '"400001"', '400001 ']) assert.equal(parseStoredPin(raw), null);
  });
});
