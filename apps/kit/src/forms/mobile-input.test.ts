import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseMobileInput } from './mobile-input';

describe('normaliseMobileInput', () => {
  it('keeps the digits of a typed number', () => assert.equal(normaliseMobileInput('98765 43210'), '9876543210'));
  it('drops +91, 91 and 0 prefixes of a full number', () => {
    assert.equal(normaliseMobileInput('+91 98765 43210'), '9876543210');
    assert.equal(normaliseMobileInput('919876543210'), '9876543210');
    assert.equal(normaliseMobileInput('09876543210'), '9876543210');
  });
  it('keeps a leading 0 while the number is still being typed', () => assert.equal(normaliseMobileInput('0987'), '0987'));
  it('never keeps more than 10 digits', () => assert.equal(normaliseMobileInput('98765432101'), '9876543210'));
  it('drops letters', () => assert.equal(normaliseMobileInput('98a76'), '9876'));
});
