import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldStats, MAX_PATHS } from './field-stats';

describe('FieldStats', () => {
  it('counts every path with its JSON type, objects and their leaves, arrays as leaves', () => {
    const stats = new FieldStats();
    stats.observe({ os: 'android', v: { major: 4, minor: 1.5 }, ok: true, gone: null, tags: ['a'] });
    stats.observe({ os: 7, v: 'old' });
    assert.equal(stats.observed, 2);
    assert.deepEqual(stats.get('os'), { string: 1, long: 1, double: 0, boolean: 0, null: 0, object: 0, array: 0 });
    assert.equal(stats.get('v').object, 1);
    assert.equal(stats.get('v').string, 1);
    assert.equal(stats.get('v.minor').double, 1);
    assert.equal(stats.get('tags').array, 1);
    assert.equal(stats.get('gone').null, 1);
    assert.deepEqual(stats.paths().sort(), ['gone', 'ok', 'os', 'tags', 'v', 'v.major', 'v.minor']);
  });

  it('skips keys no query could address and own-property tricks, and stops tracking past the limit', () => {
    const stats = new FieldStats();
    const data = JSON.parse('{"a.b": 1, "__proto__": {"x": 1}, "ok": 1}') as Record<string, unknown>;
    stats.observe(data);
    assert.deepEqual(stats.paths().sort(), ['__proto__', '__proto__.x', 'ok']);
    assert.equal(Object.prototype.hasOwnProperty.call({}, 'x'), false);
    const many = new FieldStats();
    many.observe(Object.fromEntries(Array.from({ length: MAX_PATHS + 5 }, (_, i) => [`k${i}`, i])));
    assert.equal(many.paths().length, MAX_PATHS);
    assert.equal(many.untracked, 5);
  });

  it('survives its record', () => {
    const stats = new FieldStats();
    stats.observe({ os: 'ios', n: 1 });
    const again = FieldStats.from(JSON.parse(JSON.stringify(stats.toRecord())));
    assert.equal(again.observed, 1);
    assert.deepEqual(again.get('os'), stats.get('os'));
    assert.deepEqual(again.toRecord(), stats.toRecord());
  });
});
