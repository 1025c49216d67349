import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordProblem, weakPasswordMessage } from './password-rules';

describe('passwordProblem', () => {
  it('accepts 8 to 128 characters', () => {
    assert.equal(passwordProblem('correct horse'), null);
    assert.equal(passwordProblem('x'.repeat(128)), null);
  });
  it('refuses empty, blank, short and long ones', () => {
    assert.ok(passwordProblem(''));
    assert.match(passwordProblem('         ') ?? '', /spaces/);
    assert.match(passwordProblem('short') ?? '', /at least 8/);
    assert.match(passwordProblem('x'.repeat(129)) ?? '', /at most 128/);
  });
});

describe('weakPasswordMessage', () => {
  it('explains each reason the server gives', () => {
    assert.match(weakPasswordMessage({ reason: 'common' }), /common/);
    assert.match(weakPasswordMessage({ reason: 'too-short' }), /at least 8/);
    assert.match(weakPasswordMessage(undefined), /8 to 128/);
  });
});
