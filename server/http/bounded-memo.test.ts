import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
  const counting = (maxEntries: number, maxKeyLength?: number) => {
    const worked: string[] = [];
    const memo = new BoundedMemo((key) => {
      worked.push(key);
      return key === 'none' ? null : key.toUpperCase();
    }, maxEntries, maxKeyLength);
    return { memo, worked };
  };

  it('works a key out once, a null answer included', () => {
    const { memo, worked } = counting(4);
    assert.equal(memo.get('a'), 'A');
    assert.equal(memo.get('a'), 'A');
    assert.equal(memo.get('none'), null);
    assert.equal(memo.get('none'), null);
    assert.deepEqual(worked, ['a', 'none']);
  });

  it('starts over once it holds its most, and keeps going', () => {
    const { memo, worked } = counting(2);
    for (const key of ['a', 'b', 'c', 'a', 'c']) memo.get(key);
    // 'c' found it full: everything went, 'c' stayed; 'a' is worked out again beside it.
    assert.deepEqual(worked, ['a', 'b', 'c', 'a']);
  });

  it('works out keys over its length limit every time, without keeping them', () => {
    const { memo, worked } = counting(4, 3);
    memo.get('long');
    memo.get('long');
    memo.get('abc');
    memo.get('abc');
    assert.deepEqual(worked, ['long', 'long', 'abc']);
  });
});
