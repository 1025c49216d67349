import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAccountsPath, nextQuery, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query and hash', () => {
    assert.equal(safeNextPath('/cart'), '/cart');
    assert.equal(safeNextPath('/search?q=phone#top'), '/search?q=phone#top');
    assert.equal(safeNextPath('/accounts/addresses'), '/accounts/addresses');
  });
  it('falls back to the account page when missing', () => {
    assert.equal(safeNextPath(null), '/accounts');
    assert.equal(safeNextPath(''), '/accounts');
  });
  it('refuses other sites in every spelling', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', 'evil.example', '/%0a/evil', '/\t/evil.example', '/a\\b']) {
      const result = safeNextPath(bad);
      assert.ok(result.startsWith('/') && !result.startsWith('//'), `${bad} gave ${result}`);
      if (bad !== '/%0a/evil') assert.equal(result, '/accounts', bad);
    }
  });
  it('does not send the shopper back to a login page', () => {
    assert.equal(safeNextPath('/accounts/login?next=/cart'), '/accounts');
    assert.equal(safeNextPath('/accounts/verify'), '/accounts');
  });
});

describe('nextQuery', () => {
  it('encodes the destination', () => assert.equal(nextQuery('/search?q=a b'), '?next=%2Fsearch%3Fq%3Da%20b'));
  it('is empty for the default destination', () => assert.equal(nextQuery('/accounts'), ''));
});

describe('isAccountsPath', () => {
  it('tells this app from the others', () => {
    assert.equal(isAccountsPath('/accounts'), true);
    assert.equal(isAccountsPath('/accounts/profile'), true);
    assert.equal(isAccountsPath('/accountsx'), false);
    assert.equal(isAccountsPath('/cart'), false);
  });
});
