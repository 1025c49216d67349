import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { countedPercentilesSql } from './counted-percentiles';

const FRACTIONS = [0, 0.01, 0.05, 0.25, 0.333, 0.5, 0.75, 0.95, 0.99, 1, 33.3 / 100];
let instance: DuckDBInstance;
let connection: DuckDBConnection;

/** A repeatable sequence in [0, 1): the same data every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

before(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run('CREATE TABLE t (g VARCHAR, x DOUBLE)');
  const next = sequence(7);
  const rows: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const group = ['a', 'b', 'c', null][i % 4];
    const r = next();
    // Whole milliseconds (many repeats), decimals that rarely repeat, negatives, and missing values.
    const x = r < 0.1 ? null : r < 0.5 ? Math.floor(next() * 300) : r < 0.9 ? next() * 1e4 - 2000 : -Math.floor(next() * 50) / 7;
    rows.push(`(${group === null ? 'NULL' : `'${group}'`}, ${x === null ? 'NULL' : x})`);
  }
  rows.push(`('only-null', NULL)`, `('one', 42.5)`, `('two', 1)`, `('two', 4)`);
  await connection.run(`INSERT INTO t VALUES ${rows.join(', ')}`);
});

after(() => {
  connection.closeSync();
  instance.closeSync();
});

const rowsOf = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
const byGroup = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [String(r.k0), r]));
const plain = (value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : Array.isArray(value) ? value.map(plain) : value);

test('percentiles from counts are the ones quantile_cont gives, bit for bit, overall and per group', async () => {
  const list = FRACTIONS.join(', ');
  const expectedAll = await rowsOf(`SELECT count(x) AS n, quantile_cont(x, [${list}]) AS pc FROM t`);
  const all = await rowsOf(countedPercentilesSql({ events: 'SELECT x FROM t', groups: [], aggregates: ['count(x) AS n'], fractions: FRACTIONS }));
  assert.equal(all.length, 1);
  assert.deepEqual(plain(all[0]!.pc), plain(expectedAll[0]!.pc));
  assert.equal(Number(all[0]!.n), Number(expectedAll[0]!.n));

  const expected = byGroup(await rowsOf(`SELECT g AS k0, count(x) AS n, min(x) AS s0, quantile_cont(x, [${list}]) AS pc FROM t GROUP BY g`));
  const counted = byGroup(await rowsOf(countedPercentilesSql({ events: 'SELECT x, g AS k0 FROM t', groups: ['k0'], aggregates: ['min(x) AS s0', 'count(x) AS n'], fractions: FRACTIONS })));
  assert.deepEqual([...counted.keys()].sort(), [...expected.keys()].sort());
  for (const [group, row] of expected) {
    const got = counted.get(group)!;
    assert.deepEqual(plain(got.pc), plain(row.pc), `group ${group}`);
    assert.equal(got.s0, row.s0, `group ${group}`);
    assert.equal(Number(got.n), Number(row.n), `group ${group}`);
  }
  // A group whose events hold no value has its stats row and no percentiles, as quantile_cont answers.
  assert.equal(counted.get('only-null')!.pc, null);
  assert.deepEqual(plain(counted.get('two')!.pc), [1, 1.03, 1.15, 1.75, 1.999, 2.5, 3.25, 3.8499999999999996, 3.9699999999999998, 4, 1.9989999999999999]);
});

test('no values at all: one row, no percentiles', async () => {
  const rows = await rowsOf(countedPercentilesSql({ events: "SELECT x FROM t WHERE g = 'none'", groups: [], aggregates: ['count(x) AS n'], fractions: [0.5] }));
  assert.equal(rows.length, 1);
  assert.equal(Number(rows[0]!.n), 0);
  assert.equal(rows[0]!.pc, null);
});
