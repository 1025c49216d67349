/**
 * `stats` of a field whose values repeat, from each distinct value's count: one pass over the
 * events groups them by value (a few thousand rows for timings in whole ms, sizes, counts), and
 * every stat and percentile is computed from those rows. DuckDB's `quantile_cont` gathers every
 * value and selects among them (about 40 ms of the 60 for a million on the CI machine); counting
 * costs one hash aggregation.
 * Percentiles are exactly `quantile_cont`'s, bit for bit: for a fraction f of n values, the
 * position r = (n - 1) * f as a double, the values at floor(r) and ceil(r) in order, and
 * lo * (1 - d) + hi * d with d = r - floor(r), as DuckDB interpolates doubles. Count, min, max and
 * (for whole numbers below 2^53 in total) sum, average and sum of squares are the same as over the
 * events; variance and standard deviation take two passes over the counts (mean first), equal to
 * DuckDB's streaming ones to about 1e-15 relative.
 */

/** The stats `stats` knows, over the counted values `x` (each `m` times) of a group of `total` values with mean `mean`. */
const COUNTED: Record<string, string> = {
  count: 'sum(m)',
  min: 'min(x)',
  max: 'max(x)',
  avg: 'sum(x * m) / sum(m)',
  sum: 'sum(x * m)',
  sum_of_squares: 'sum(x * x * m)',
  variance: 'sum(m * (x - mean) * (x - mean)) / max(total)',
  std_deviation: 'sqrt(sum(m * (x - mean) * (x - mean)) / max(total))',
};

/** What the statement is built from. */
export interface CountedStatsQuery {
  /** `SELECT x, k0…, period FROM … WHERE …`: one row per event, its value as `x`. */
  events: string;
  /** Grouping columns of `events` (`k0`…, `period`), none for one overall row. */
  groups: string[];
  /** Stat names (as `stats-values.ts` knows them), answered as `s0`, `s1`, … in this order. */
  stats: string[];
  /** Fractions 0..1, answered in this order as the list `pc` (none: no `pc`). */
  fractions: number[];
}

/**
 * One statement answering `groups…, s0…, n, pc` per group that has a value (groups without one are
 * left out: `stats` drops them anyway, and an overall answer without a row means no values).
 */
export function countedStatsSql(query: CountedStatsQuery): string {
  const { groups, fractions } = query;
  const partition = groups.length ? `PARTITION BY ${groups.join(', ')}` : '';
  // Position of a fraction among the group's `total` values, as DuckDB computes it (a double).
  const position = (f: number) => `(CAST(total - 1 AS DOUBLE) * CAST(${f} AS DOUBLE))`;
  // The value at 0-based position p: the smallest whose running count passes p.
  const at = (bound: string) => `min(x) FILTER (WHERE upto > ${bound})`;
  // DuckDB's interpolation of doubles, term for term (another order rounds differently).
  const percentile = (f: number) => {
    const [lo, hi, d] = [at(`floor(${position(f)})`), at(`ceil(${position(f)})`), `max(${position(f)} - floor(${position(f)}))`];
    return `${lo} * (1.0 - ${d}) + ${hi} * ${d}`;
  };
  const columns = [
    ...groups,
    ...query.stats.map((name, i) => `${COUNTED[name]!} AS s${i}`),
    'max(total) AS n',
    ...(fractions.length ? [`[${fractions.map(percentile).join(', ')}] AS pc`] : []),
  ];
  return [
    `WITH v AS (SELECT ${[...groups, 'x', 'count(*) AS m'].join(', ')} FROM (${query.events}) AS e WHERE x IS NOT NULL GROUP BY ${[...groups, 'x'].join(', ')}),`,
    `c AS (SELECT ${[...groups, 'x', 'm'].join(', ')},`,
    `  sum(m) OVER (${partition} ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto,`,
    `  sum(m) OVER (${partition}) AS total,`,
    `  sum(x * m) OVER (${partition}) / sum(m) OVER (${partition}) AS mean FROM v)`,
    // Without groups an aggregate answers a row even of nothing: none instead, as with groups.
    `SELECT ${columns.join(', ')} FROM c${groups.length ? ` GROUP BY ${groups.join(', ')}` : ' HAVING count(*) > 0'}`,
  ].join('\n');
}
