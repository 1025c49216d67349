import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INVALID_MOBILE, maskMobile, mobileProblem } from './mobile';

describe('mobileProblem', () => {
  it('accepts 10 digits starting with 6 to 9', () => {
    for (const n of ['6000000000', '7123456789', '8999999999', '9876543210']) assert.equal(mobileProblem(n), null);
  });
  it('asks for a number when empty', () => assert.match(mobileProblem('') ?? '', /enter your mobile/i));
  it('asks for all 10 digits when short', () => assert.match(mobileProblem('98765') ?? '', /10 digits/));
  it('refuses numbers starting with 0 to 5', () => assert.match(mobileProblem('5876543210') ?? '', /6, 7, 8 or 9/));
  it('refuses letters and long numbers with the server message', () => {
    assert.equal(mobileProblem('98765abcde'), INVALID_MOBILE);
    assert.equal(mobileProblem('98765432101'), INVALID_MOBILE);
  });
});

describe('maskMobile', () => {
  it('shows only the last 4 digits, as the server does', () => assert.equal(maskMobile('9876543210'), '+91******3210'));
});
