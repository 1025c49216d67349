import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { countedStats, countedValuesSql, MAX_COUNTED_ROWS } from './counted-stats';

const FRACTIONS = [0, 0.01, 0.05, 0.25, 0.333, 0.5, 0.75, 0.95, 0.99, 0.999, 1, 33.3 / 100];
const STATS = ['count', 'min', 'max', 'avg', 'sum', 'sum_of_squares', 'variance', 'std_deviation'];
/** The same stats over the events, as `stats-values.ts` asks DuckDB for them. */
const OVER_EVENTS = 'count(x) AS s0, min(x) AS s1, max(x) AS s2, avg(x) AS s3, sum(x) AS s4, sum(x * x) AS s5, var_pop(x) AS s6, stddev_pop(x) AS s7';
/** Stats that are equal bit for bit over whole numbers; the others (two passes against a streaming one) to 1e-12. */
const EXACT = new Set(['s0', 's1', 's2', 's3', 's4', 's5']);

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
  await connection.run('CREATE TABLE t (g VARCHAR, whole DOUBLE, decimal DOUBLE)');
  const next = sequence(7);
  const value = (x: number | null) => (x === null ? 'NULL' : String(x));
  const rows: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const group = ['a', 'b', 'c', null][i % 4];
    const r = next();
    // Whole numbers repeat (milliseconds, negatives), decimals rarely do; some events have neither.
    const whole = r < 0.1 ? null : r < 0.8 ? Math.floor(next() * 3000) : -Math.floor(next() * 50);
    const decimal = r < 0.1 ? null : next() * 1e4 - 2000;
    rows.push(`(${group === null ? 'NULL' : `'${group}'`}, ${value(whole)}, ${value(decimal)})`);
  }
  rows.push(`('only-null', NULL, NULL)`, `('one', 42, 42.5)`, `('two', 1, 1)`, `('two', 4, 4)`);
  await connection.run(`INSERT INTO t VALUES ${rows.join(', ')}`);
});

after(() => {
  connection.closeSync();
  instance.closeSync();
});

const rowsOf = async (sql: string) =>
  ((await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
const plain = (value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : Array.isArray(value) ? value.map(plain) : value);
const byGroup = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [String(r.k0), r]));

function assertSameStats(got: Record<string, unknown>, expected: Record<string, unknown>, label: string, exactStats: boolean): void {
  assert.deepEqual(got.pc, expected.pc, `${label}: percentiles`);
  assert.equal(got.n, expected.n, `${label}: n`);
  STATS.forEach((_, i) => {
    const [a, b] = [got[`s${i}`] as number, expected[`s${i}`] as number];
    if (exactStats && EXACT.has(`s${i}`)) assert.equal(a, b, `${label}: s${i}`);
    else assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${label}: s${i} ${a} against ${b}`);
  });
}

/** The counted stats of `events` (grouped by `groups`), as statsRows computes them. */
const counted = async (events: string, groups: string[], fractions = FRACTIONS) => countedStats(await rowsOf(countedValuesSql(events, groups)), groups, STATS, fractions);
const fractionList = FRACTIONS.map((f) => `CAST('${f}' AS DOUBLE)`).join(', ');

for (const field of ['whole', 'decimal']) {
  test(`${field} numbers: the percentiles of quantile_cont bit for bit and the same stats, overall and per group`, async () => {
    const [expectedAll] = await rowsOf(`SELECT ${OVER_EVENTS}, count(x) AS n, quantile_cont(x, [${fractionList}]) AS pc FROM (SELECT ${field} AS x FROM t)`);
    const all = (await counted(`SELECT ${field} AS x FROM t`, []))!;
    assert.equal(all.length, 1);
    assertSameStats(all[0]!, expectedAll!, 'overall', field === 'whole');

    // Groups without any value are left out (stats drops them too).
    const expected = byGroup(await rowsOf(`SELECT k0, ${OVER_EVENTS}, count(x) AS n, quantile_cont(x, [${fractionList}]) AS pc FROM (SELECT ${field} AS x, g AS k0 FROM t) GROUP BY k0 HAVING count(x) > 0`));
    const got = byGroup((await counted(`SELECT ${field} AS x, g AS k0 FROM t`, ['k0']))!);
    assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort());
    assert.ok(!got.has('only-null') && got.has('null'), 'a NULL key is a group of its own');
    for (const [group, row] of expected) assertSameStats(got.get(group)!, row, `group ${group}`, field === 'whole');
    assert.deepEqual(got.get('two')!.pc, [1, 1.03, 1.15, 1.75, 1.999, 2.5, 3.25, 3.8499999999999996, 3.9699999999999998, 3.997, 4, 1.9989999999999999]);
  });
}

test('no value at all: no row; more distinct values than the cap: not counted', async () => {
  assert.deepEqual(await counted("SELECT whole AS x FROM t WHERE g = 'none'", []), []);
  const [row] = (await counted("SELECT whole AS x FROM t WHERE g = 'two'", [], []))!;
  assert.deepEqual({ ...row }, { s0: 2, s1: 1, s2: 4, s3: 2.5, s4: 5, s5: 17, s6: 2.25, s7: 1.5, n: 2 });
  const many = await rowsOf(countedValuesSql(`SELECT CAST(i AS DOUBLE) AS x FROM range(${MAX_COUNTED_ROWS + 5}) AS r(i)`, []));
  assert.equal(many.length, MAX_COUNTED_ROWS + 1);
  assert.equal(countedStats(many, [], STATS, FRACTIONS), undefined);
});
