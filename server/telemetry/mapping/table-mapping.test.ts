import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseColumns, DEFAULT_POLICY, stableType } from './mapping-policy';
import { FieldStats } from './field-stats';
import { TableMapping } from './table-mapping';

const docs = (n: number, make: (i: number) => Record<string, unknown>) => Array.from({ length: n }, (_, i) => withJson(make(i)));
const withJson = (data: Record<string, unknown>) => ({ data, json: JSON.stringify(data) });
const policy = { ...DEFAULT_POLICY, after: 100 };

describe('mapping policy', () => {
  it('chooses frequent, stable scalar paths, most frequent first', () => {
    const stats = new FieldStats();
    for (let i = 0; i < 1000; i++) {
      stats.observe({
        eventType: 'PAGE_VIEW',
        n: i % 2 ? i : i + 0.5,
        ok: i % 3 === 0,
        rare: i < 5 ? 'x' : undefined,
        mixed: i % 10 ? 'a' : 1,
        obj: { inner: 's' },
        list: [1],
        nothing: null,
        ...(i % 4 === 0 ? { sparse: 'y' } : {}),
      });
    }
    const chosen = chooseColumns(stats, new Set(['ok']), 0, DEFAULT_POLICY);
    assert.deepEqual(chosen, [
      { path: 'eventType', type: 'VARCHAR' },
      { path: 'n', type: 'DOUBLE' },
      { path: 'obj.inner', type: 'VARCHAR' },
      { path: 'sparse', type: 'VARCHAR' },
    ]);
    assert.equal(chooseColumns(stats, new Set(), 63, DEFAULT_POLICY).length, 1, 'at most 64 columns a table');
    assert.deepEqual(chooseColumns(stats, new Set(), 0, { ...DEFAULT_POLICY, after: 0 }), [], 'off');
  });

  it('calls a path stable at 99 % of its values one type; longs and doubles are one number type', () => {
    assert.equal(stableType({ string: 99, long: 1 }, 0.99), 'VARCHAR');
    assert.equal(stableType({ string: 98, long: 2 }, 0.99), undefined);
    assert.equal(stableType({ long: 50, double: 50, null: 900 }, 0.99), 'DOUBLE');
    assert.equal(stableType({ boolean: 10 }, 0.99), 'BOOLEAN');
    assert.equal(stableType({ array: 10 }, 0.99), undefined);
  });
});

describe('column values', () => {
  it('reads its own type only, as the engines read it from the JSON; another type marks the column mixed', () => {
    const mapping = new TableMapping(undefined, policy);
    mapping.observe(docs(100, () => ({ s: 'x', n: 1, b: true, a: { b: 'y' }, constructor: 'c' })));
    mapping.add(mapping.name(mapping.choose()));
    const value = (data: Record<string, unknown>, path: string) => {
      const typed = mapping.extract([withJson(data)]);
      const i = typed.columns.findIndex((c) => c.path === path);
      const v = typed.values[i]!;
      const mixed = typed.newlyMixed.some((c) => c.path === path);
      const got = v instanceof Float64Array ? (Number.isNaN(v[0]) ? null : v[0]) : v instanceof Uint8Array ? (v[0] === 2 ? null : v[0] === 1) : v[0];
      return mixed ? 'other type' : got;
    };
    assert.equal(value({ a: { b: 'x' } }, 'a.b'), 'x');
    assert.equal(value({ s: 1 }, 's'), 'other type');
    assert.equal(value({ n: null }, 'n'), null);
    assert.equal(value({}, 'n'), null);
    assert.ok(Object.is(value({ n: -0 }, 'n'), 0), '-0 is stored as 0, as JSON.stringify writes it');
    assert.equal(value({ n: '1' }, 'n'), 'other type');
    assert.equal(value({ b: false }, 'b'), false);
    assert.equal(value({ s: { b: 1 } }, 's'), 'other type');
    assert.equal(value({}, 'constructor'), null, 'inherited members are not fields');
  });
});

describe('TableMapping', () => {
  it('decides after the policy’s count, then every so many documents', () => {
    const mapping = new TableMapping(undefined, { ...policy, every: 50 });
    assert.equal(mapping.observe(docs(60, () => ({ a: 'x' }))), false);
    assert.equal(mapping.observe(docs(40, () => ({ a: 'x' }))), true);
    assert.deepEqual(mapping.choose(), [{ path: 'a', type: 'VARCHAR' }]);
    assert.equal(mapping.observe(docs(49, () => ({ a: 'x' }))), false);
    assert.equal(mapping.observe(docs(1, () => ({ a: 'x' }))), true);
  });

  it('names columns once, reads only ready ones for queries, and extracts values and new type conflicts', () => {
    const mapping = new TableMapping(undefined, policy);
    mapping.observe(docs(100, (i) => ({ os: 'ios', n: i, ok: true })));
    const columns = mapping.name(mapping.choose());
    assert.deepEqual(columns.map((c) => [c.name, c.path]), [['c1', 'n'], ['c2', 'ok'], ['c3', 'os']], 'as frequent as each other: by path');
    mapping.add(columns);
    assert.equal(mapping.readyColumn('os'), undefined, 'filling: queries read the JSON');
    const typed = mapping.extract([withJson({ os: 'android', n: 2.5, ok: false }), withJson({ os: 3, ok: 'yes' })]);
    assert.deepEqual([...(typed.values[0] as Float64Array)], [2.5, NaN]);
    assert.deepEqual([...(typed.values[1] as Uint8Array)], [0, 2]);
    assert.deepEqual(typed.values[2], ['android', null]);
    assert.deepEqual(typed.newlyMixed.map((c) => c.path).sort(), ['ok', 'os']);
    mapping.markMixed(typed.newlyMixed[0]!.name);
    mapping.ready('c1', false);
    assert.equal(mapping.readyColumn('n')?.name, 'c1');
    assert.equal(mapping.readyColumn('os'), undefined);
    assert.deepEqual(typed.json, ['{"os":"android","n":2.5,"ok":false}', '{"os":3,"ok":"yes"}'], 'nothing stripped yet: the JSON as sent');
    const again = new TableMapping(JSON.parse(JSON.stringify(mapping.toRecord())), policy);
    assert.deepEqual(again.columns, mapping.columns);
    assert.deepEqual(again.name([{ path: 'z', type: 'VARCHAR' }])[0]!.name, 'c4', 'names are never reused');
  });

  it('strips a ready top-level column’s values from the JSON, keeping other types, nulls, nested fields and dangerous keys as data', () => {
    const mapping = new TableMapping(undefined, policy);
    mapping.observe(docs(100, (i) => ({ os: 'ios', v: { major: 'x' }, n: i })));
    const columns = mapping.name(mapping.choose());
    mapping.add(columns);
    for (const c of columns) mapping.ready(c.name, false);
    mapping.strip(columns.map((c) => c.name));
    assert.deepEqual(mapping.columns.map((c) => [c.path, c.stripped]), [['n', true], ['os', true], ['v.major', false]]);
    const input = [
      withJson({ os: 'android', n: 1, v: { major: 'y' } }),
      withJson({ os: 'ios', n: 2 }),
      withJson({ os: 7, n: null, extra: [1] }),
      withJson(JSON.parse('{"__proto__": {"polluted": true}, "os": "x"}') as Record<string, unknown>),
      withJson({ other: true }),
    ];
    const typed = mapping.extract(input);
    assert.deepEqual(typed.json, ['{"v":{"major":"y"}}', '{}', '{"os":7,"n":null,"extra":[1]}', '{"__proto__":{"polluted":true}}', '{"other":true}']);
    assert.equal(typed.json[4], input[4]!.json, 'a document with nothing to strip keeps its own text');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
