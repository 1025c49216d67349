import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNext } from './login-routes';

describe('safeNext', () => {
  it('should keep paths inside /ops and replace everything else', () => {
    assert.equal(safeNext('/ops/console/d/abc?x=1'), '/ops/console/d/abc?x=1');
    for (const bad of ['https://evil.example', '//evil.example', '/ops/\\evil', '/ops/login?next=x', '/api', 5, undefined]) {
      assert.equal(safeNext(bad), '/ops/console', String(bad));
    }
  });
});
