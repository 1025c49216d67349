/** The aggregate columns behind `stats` and `statstrend`, and Foxtrot's `{stats, percentiles}` shape. */
import { AppError } from '../../errors/app-error';
import type { Field } from '../fields';
import { countedStats, countedValuesSql } from './counted-stats';
import { withKeys, type Scope } from './scope';

const STATS: Record<string, (x: string) => string> = {
  count: (x) => `count(${x})`,
  min: (x) => `min(${x})`,
  max: (x) => `max(${x})`,
  avg: (x) => `avg(${x})`,
  sum: (x) => `sum(${x})`,
  sum_of_squares: (x) => `sum(${x} * ${x})`,
  variance: (x) => `var_pop(${x})`,
  std_deviation: (x) => `stddev_pop(${x})`,
};
const DEFAULT_PERCENTILES = [1, 5, 25, 50, 75, 95, 99];

export interface StatsSpec {
  stats: string[];
  percentiles: number[];
}

export function statsSpec(request: Record<string, unknown>): StatsSpec {
  const stats = request.stats === undefined || request.stats === null ? Object.keys(STATS) : request.stats;
  if (!Array.isArray(stats) || !stats.every((s) => typeof s === 'string' && Object.hasOwn(STATS, s))) {
    throw new AppError('bad-request', { stats }, `stats must be a list drawn from ${Object.keys(STATS).join(', ')}.`);
  }
  const percentiles = request.percentiles === undefined || request.percentiles === null ? DEFAULT_PERCENTILES : request.percentiles;
  if (!Array.isArray(percentiles) || percentiles.length > 20 || !percentiles.every((p) => typeof p === 'number' && p >= 0 && p <= 100)) {
    throw new AppError('bad-request', { percentiles }, 'percentiles must be a list of numbers from 0 to 100.');
  }
  return { stats: stats as string[], percentiles: percentiles as number[] };
}

/**
 * The percentiles' fractions: the doubles nearest to p / 100 written in decimal (99.9 → 0.999, where
 * 99.9 / 100 computes 0.9990000000000001), so that every engine and `counted-stats.ts` use the same.
 */
export function fractions(spec: Pick<StatsSpec, 'percentiles'>): number[] {
  return spec.percentiles.map((p) => {
    // The shortest text of p with its exponent lowered by two (1e-7 prints with one already).
    const [digits, exponent = '0'] = String(p).split('e');
    return Number(`${digits}e${Number(exponent) - 2}`);
  });
}

/** Select-list entries for the stats of `x`: s0…sN and, when asked, the percentile array `pc`. */
export function statsColumns(scope: Scope, x: string, spec: StatsSpec): string[] {
  const cols = spec.stats.map((name, i) => `${STATS[name]!(x)} AS s${i}`);
  if (spec.percentiles.length) cols.push(`${scope.dialect.percentiles(x, fractions(spec))} AS pc`);
  return cols;
}

/**
 * Rows of stats of `x` per combination of `keys` (k0…) and, for trends, `period` (a time bucket).
 * The value, keys and period are computed once per event in a subquery, which PostgreSQL must not
 * fold back into the aggregates (each would extract the value again; DuckDB shares them by itself).
 * Aggregates skip events without a value, so nothing filters them by extracting it a second time;
 * events without a key or a period, and groups with no value at all (`n = 0`), are dropped after.
 */
export async function statsRows(scope: Scope, field: Field, keys: Field[], spec: StatsSpec, period?: string): Promise<Record<string, unknown>[]> {
  const x = scope.number(field);
  const inner = [`${x} AS x`, ...keys.map((f, i) => `${scope.text(f)} AS k${i}`), ...(period === undefined ? [] : [`${period} AS period`])];
  const groups = [...keys.map((_, i) => `k${i}`), ...(period === undefined ? [] : ['period'])];
  const events = `SELECT ${inner.join(', ')} ${scope.body()}${scope.dialect.fence}`;
  // Values that repeat are counted, and their stats computed from the counts; past the cap, or
  // for other fields, the engine computes them over the events.
  const counted = spec.percentiles.length && scope.countedStats(field) ? countedStats(await scope.select(countedValuesSql(events, groups)), groups, spec.stats, fractions(spec)) : undefined;
  const columns = [...groups, ...statsColumns(scope, 'x', spec), 'count(x) AS n'];
  const rows = counted ?? (await scope.selectCapped(`SELECT ${columns.join(', ')} FROM (${events}) AS e${groups.length ? ` GROUP BY ${groups.join(', ')}` : ''}`));
  return withKeys(rows, keys.length).filter((row) => (period === undefined || row.period !== null) && Number(row.n) > 0);
}

/** Percentile keys print like Foxtrot's (Java doubles): 50 → "50.0". */
const percentileKey = (p: number): string => (Number.isInteger(p) ? p.toFixed(1) : String(p));

export function statsValue(row: Record<string, unknown> | undefined, spec: StatsSpec): { stats: Record<string, number | null>; percentiles?: Record<string, number | null> } {
  const stats: Record<string, number | null> = {};
  spec.stats.forEach((name, i) => {
    const value = row?.[`s${i}`];
    stats[name] = value === null || value === undefined ? (name === 'count' || name === 'sum' ? 0 : null) : Number(value);
  });
  if (!spec.percentiles.length) return { stats };
  const list = (row?.pc ?? []) as (number | null)[];
  const percentiles: Record<string, number | null> = {};
  spec.percentiles.forEach((p, i) => {
    const value = list?.[i];
    percentiles[percentileKey(p)] = value === null || value === undefined ? null : Number(value);
  });
  return { stats, percentiles };
}
