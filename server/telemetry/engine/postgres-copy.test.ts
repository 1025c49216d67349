import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COPY_NULL, copyText } from './postgres-copy';

describe('copyText', () => {
  it('escapes what COPY text reads specially, and nothing else', () => {
    assert.equal(copyText('plain ünï 😀 "x"'), 'plain ünï 😀 "x"');
    assert.equal(copyText('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
    // Text that looks like COPY's NULL or end marker stays text.
    assert.notEqual(copyText('\\N'), COPY_NULL);
    assert.equal(copyText('\\N'), '\\\\N');
    assert.equal(copyText('\\.'), '\\\\.');
  });
});
