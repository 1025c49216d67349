/**
 * Exact continuous percentiles from each distinct value's count, in the statement that computes the
 * other stats. DuckDB's `quantile_cont` gathers every value and selects among them (about 40 ms
 * for a million on the CI machine); the fields people ask percentiles of (timings in whole ms,
 * sizes, counts) repeat their values, so counting them first leaves a few thousand rows to rank.
 * The answer is the one `quantile_cont` gives, bit for bit: for a fraction f of n values, the
 * position r = (n - 1) * f as a double, the values at floor(r) and ceil(r) in order, and
 * lo * (1 - d) + hi * d with d = r - floor(r), as DuckDB interpolates doubles.
 */

/** What the statement is built from: the per-event subquery and the aggregate list over its `x`. */
export interface CountedPercentilesQuery {
  /** `SELECT x, k0…, period … FROM … WHERE …`: one row per event, its value as `x`. */
  events: string;
  /** Grouping columns of the subquery (`k0`…, `period`), none for one overall row. */
  groups: string[];
  /** Aggregate select-list entries over `x` (the stats, `count(x) AS n`). */
  aggregates: string[];
  /** Fractions 0..1, in the order the answer's `pc` list holds them. */
  fractions: number[];
}

/** One statement answering `groups…, aggregates…, pc` (the percentile list) per group. */
export function countedPercentilesSql(query: CountedPercentilesQuery): string {
  const { groups, fractions } = query;
  const groupBy = (extra: string[] = []) => ([...groups, ...extra].length ? ` GROUP BY ${[...groups, ...extra].join(', ')}` : '');
  const partition = groups.length ? `PARTITION BY ${groups.join(', ')} ` : '';
  // Position of fraction i among the group's `total` values, computed as DuckDB does (a double).
  const position = (f: number) => `(CAST(total - 1 AS DOUBLE) * CAST(${f} AS DOUBLE))`;
  // The value at 0-based position p: the smallest whose running count passes p.
  const at = (bound: string) => `min(x) FILTER (WHERE upto > ${bound})`;
  const ends = fractions.flatMap((f, i) => [`${at(`floor(${position(f)})`)} AS lo${i}`, `${at(`ceil(${position(f)})`)} AS hi${i}`, `max(${position(f)} - floor(${position(f)})) AS d${i}`]);
  // DuckDB's interpolation of doubles, term for term (a different order rounds differently).
  const list = fractions.map((_, i) => `p.lo${i} * (1.0 - p.d${i}) + p.hi${i} * p.d${i}`);
  const joined = groups.length ? ` LEFT JOIN p ON ${groups.map((g) => `a.${g} IS NOT DISTINCT FROM p.${g}`).join(' AND ')}` : ', p';
  return [
    `WITH e AS (${query.events}),`,
    `a AS (SELECT ${[...groups, ...query.aggregates].join(', ')} FROM e${groupBy()}),`,
    `v AS (SELECT ${[...groups, 'x', 'count(*) AS m'].join(', ')} FROM e WHERE x IS NOT NULL${groupBy(['x'])}),`,
    `c AS (SELECT ${[...groups, 'x'].join(', ')}, sum(m) OVER (${partition}ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto, sum(m) OVER (${partition.trim()}) AS total FROM v),`,
    `p AS (SELECT ${[...groups, ...ends].join(', ')} FROM c${groupBy()})`,
    // A group without values has no row in p: its list is NULL, as quantile_cont answers.
    `SELECT a.*, CASE WHEN p.lo0 IS NULL THEN NULL ELSE [${list.join(', ')}] END AS pc FROM a${joined}`,
  ].join('\n');
}
