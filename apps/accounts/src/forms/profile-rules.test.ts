import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { profileProblems } from './profile-rules';

describe('profileProblems', () => {
  it('accepts a name and an email, or blanks', () => {
    assert.deepEqual(profileProblems('Asha Rao', 'asha@example.com'), {});
    assert.deepEqual(profileProblems('', ''), {});
  });
  it('refuses one-letter and marked-up names', () => {
    assert.ok(profileProblems('A', '').name);
    assert.ok(profileProblems('<b>Asha</b>', '').name);
  });
  it('refuses something that is not an email', () => assert.ok(profileProblems('', 'asha@').email));
});
