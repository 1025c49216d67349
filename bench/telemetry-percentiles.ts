/**
 * `stats` with percentiles over shop-like events (the whole week, the last hour), the two ways DuckDB can answer it: the stats and
 * `quantile_cont` over the events (the baseline, as before decision 0022) and everything from each
 * distinct value's count (`server/telemetry/analytics/counted-stats.ts`: DuckDB counts, the server
 * computes; here in this process, without the server's thread hop). Same table, same run,
 * alternated, best and median of 7 each; the percentiles must be identical. Fields: `lcp` (whole
 * ms, 5,000 distinct values, the query bench's field: the server counts it) and `value` (web
 * vitals with two decimals, about 280,000 distinct among its events: the server does not count
 * decimals, and would give up at the cap; shown here for why).
 * Run: npx tsx bench/telemetry-percentiles.ts [events]
 */
import assert from 'node:assert/strict';
import os from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { countedStats, countedValuesSql, MAX_COUNTED_ROWS } from '../server/telemetry/analytics/counted-stats';
import { shopEvent } from './telemetry-driver';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = 7;
const FRACTIONS = [0.5, 0.75, 0.95, 0.99];
const STATS = ['count', 'min', 'max', 'avg', 'sum', 'sum_of_squares', 'variance', 'std_deviation'];
// The same stats over the events, as stats-values.ts asks DuckDB for them.
const AGGREGATES = ['count(x) AS s0', 'min(x) AS s1', 'max(x) AS s2', 'avg(x) AS s3', 'sum(x) AS s4', 'sum(x * x) AS s5', 'var_pop(x) AS s6', 'stddev_pop(x) AS s7', 'count(x) AS n'];

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run('CREATE TABLE ev (ts BIGINT, lcp DOUBLE, value DOUBLE)');
const appender = await connection.createAppender('ev');
for (let i = 0; i < N; i++) {
  const data = shopEvent(i);
  appender.appendBigInt(BigInt(i));
  appender.appendDouble(data.lcp as number);
  if (typeof data.value === 'number') appender.appendDouble(data.value);
  else appender.appendNull();
  appender.endRow();
}
appender.flushSync();
appender.closeSync();

// Events are numbered in time order: the week is all of them, the last hour the last 1/168.
const WINDOWS = { week: 0, hour: Math.floor(N - N / 168) };
const events = (field: string, from: number) => `SELECT ${field} AS x FROM ev WHERE ts >= ${from}`;
const select = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
const ways: Record<string, (field: string, from: number) => Promise<Record<string, unknown>[]>> = {
  quantile_cont: (field, from) => select(`SELECT ${AGGREGATES.join(', ')}, quantile_cont(x, [${FRACTIONS.map((f) => `CAST('${f}' AS DOUBLE)`).join(', ')}]) AS pc FROM (${events(field, from)}) AS e`),
  // The statement and the arithmetic the server runs (stats-values.ts), the cap aside.
  // Past the cap of distinct values the server computes over the events instead: the time of finding that out.
  counted: async (field, from) => countedStats(await select(countedValuesSql(events(field, from), [])), [], STATS, FRACTIONS) ?? [{ pc: 'over the cap' }],
};

const plain = (value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : Array.isArray(value) ? value.map(plain) : value);
console.log(`telemetry stats with percentiles on DuckDB, ${N.toLocaleString('en')} events in memory, best / median of ${RUNS}, alternated; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [window, from] of Object.entries(WINDOWS)) for (const field of ['lcp', 'value']) {
  const times: Record<string, number[]> = { quantile_cont: [], counted: [] };
  const answers: Record<string, unknown> = {};
  for (let run = 0; run < RUNS; run++) {
    for (const [name, answer] of Object.entries(ways)) {
      const started = performance.now();
      const rows = await answer(field, from);
      times[name]!.push(performance.now() - started);
      answers[name] = rows[0]?.pc;
    }
  }
  if (answers.counted !== 'over the cap') assert.deepEqual(answers.counted, answers.quantile_cont, `${field}, ${window}: the two ways answer differently`);
  const stat = (name: string) => {
    const sorted = [...times[name]!].sort((a, b) => a - b);
    return { best: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
  };
  const [base, counted] = [stat('quantile_cont'), stat('counted')];
  console.log(
    `  ${`${field}, ${window}`.padEnd(12)} quantile_cont ${base.best.toFixed(1)} / ${base.median.toFixed(1)} ms   counted ${counted.best.toFixed(1)} / ${counted.median.toFixed(1)} ms` +
      `   (${(counted.median / base.median).toFixed(2)} of the baseline's median; ` +
      (answers.counted === 'over the cap' ? `more than ${MAX_COUNTED_ROWS.toLocaleString('en')} distinct values: not counted, this is the cost of finding out)` : `identical percentiles ${JSON.stringify(answers.counted)})`),
  );
}
connection.closeSync();
instance.closeSync();
