import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRecent, pushRecent, RECENTLY_VIEWED_MAX } from './recently-viewed';

const id = (n: number): string => `itm${n.toString(16).padStart(13, '0')}`;

describe('pushRecent', () => {
  it('puts the viewed product first', () => {
    assert.deepEqual(pushRecent([id(1), id(2)], id(3)), [id(3), id(1), id(2)]);
  });
  it('moves a product seen before to the front instead of repeating it', () => {
    assert.deepEqual(pushRecent([id(1), id(2), id(3)], id(2)), [id(2), id(1), id(3)]);
  });
  it('keeps at most the maximum, dropping the oldest', () => {
    const full = Array.from({ length: RECENTLY_VIEWED_MAX }, (_, n) => id(n));
    const next = pushRecent(full, id(99));
    assert.equal(next.length, RECENTLY_VIEWED_MAX);
    assert.equal(next[0], id(99));
    assert.ok(!next.includes(id(RECENTLY_VIEWED_MAX - 1)));
  });
  it('does not change the list it was given', () => {
    const list = [id(1)];
    pushRecent(list, id(2));
    assert.deepEqual(list, [id(1)]);
  });
});

describe('parseRecent', () => {
  it('reads a stored list', () => {
    assert.deepEqual(parseRecent(JSON.stringify([id(1), id(2)])), [id(1), id(2)]);
  });
  it('treats missing, broken or foreign values as empty', () => {
    assert.deepEqual(parseRecent(null), []);
    assert.deepEqual(parseRecent('{not json'), []);
    assert.deepEqual(parseRecent('{"a":1}'), []);
  });
  it('drops entries that are not product ids, and duplicates', () => {
    assert.deepEqual(parseRecent(JSON.stringify([id(1), 5, '../x', id(1), id(2)])), [id(1), id(2)]);
  });
  it('cuts an over-long list to the maximum', () => {
    const long = Array.from({ length: 30 }, (_, n) => id(n));
    assert.equal(parseRecent(JSON.stringify(long)).length, RECENTLY_VIEWED_MAX);
  });
});
