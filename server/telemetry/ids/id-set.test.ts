import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { IdSet } from './id-set';

describe('IdSet', () => {
  it('adds each id once, as a Set of the strings would, through growth and deletions', () => {
    // Short ids from a small alphabet, so that adds, repeats and deletions of the same ids mix.
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let run = 0; run < 40; run++) {
      const ids = new IdSet();
      const model = new Set<string>();
      for (let op = 0; op < 3000; op++) {
        const id = Array.from({ length: Math.floor(random() * 4) }, () => 'abcdé😀'[Math.floor(random() * 6)]).join('');
        if (random() < 0.7) assert.equal(ids.add(id), !model.has(id) && !!model.add(id));
        else assert.equal(ids.delete(id), model.delete(id));
        assert.equal(ids.size, model.size);
      }
      for (const id of model) assert.ok(ids.has(id));
    }
  });

  it('tells 200,000 random ids apart (64-bit hashes)', () => {
    const ids = new IdSet();
    for (let i = 0; i < 200_000; i++) assert.ok(ids.add(crypto.randomUUID()));
    for (let i = 0; i < 200_000; i++) assert.ok(ids.add(`e${i}`), `e${i}`);
    assert.equal(ids.size, 400_000);
    assert.ok(ids.has('e199999') && !ids.has('e200000'));
  });
});
