/**
 * `stats` of a field whose values repeat, from each distinct value's count: the engine groups the
 * events by value (a few thousand rows for timings in whole ms, sizes, counts) and every stat and
 * percentile is computed here from those rows. DuckDB's `quantile_cont` gathers every value and
 * selects among them (about 40 ms of the 60 for a million on the CI machine); counting costs one
 * hash aggregation, and a statement that small plans in about a millisecond.
 * Percentiles are exactly `quantile_cont`'s, bit for bit: for a fraction f of n values, the
 * position r = (n - 1) · f as a double, the values at floor(r) and ceil(r) in order, and
 * lo · (1 - d) + hi · d with d = r - floor(r), as DuckDB interpolates doubles. Count, min and max
 * are exact; sum, average and sum of squares are too for whole numbers (sums below 2^53); variance
 * and standard deviation take two passes (mean first), equal to DuckDB's streaming ones to about
 * 1e-15 relative.
 */

/** Distinct values (per group) beyond which the events are not counted: the stats run over them instead. */
export const MAX_COUNTED_ROWS = 20_000;

type Row = Record<string, unknown>;

/** The statement: `groups…, x, m` (how many events hold value x), in group and value order, at most one row past the cap. */
export function countedValuesSql(events: string, groups: string[]): string {
  const keys = [...groups, 'x'].join(', ');
  return `SELECT ${keys}, count(*) AS m FROM (${events}) AS e WHERE x IS NOT NULL GROUP BY ${keys} ORDER BY ${keys} LIMIT ${MAX_COUNTED_ROWS + 1}`;
}

/**
 * Rows shaped as the stats statement answers them (`groups…, s0…, n, pc`), one per group that has
 * a value, from `countedValuesSql`'s rows; undefined when they were cut at the cap.
 */
export function countedStats(rows: Row[], groups: string[], stats: string[], fractions: number[]): Row[] | undefined {
  if (rows.length > MAX_COUNTED_ROWS) return undefined;
  const out: Row[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start + 1;
    while (end < rows.length && groups.every((g) => rows[end]![g] === rows[start]![g])) end++;
    out.push(groupStats(rows.slice(start, end), groups, stats, fractions));
    start = end;
  }
  return out;
}

/** One group's stats from its values (ascending) and their counts. */
function groupStats(rows: Row[], groups: string[], stats: string[], fractions: number[]): Row {
  const xs = rows.map((r) => Number(r.x));
  const ms = rows.map((r) => Number(r.m));
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < xs.length; i++) {
    n += ms[i]!;
    sum += xs[i]! * ms[i]!;
    squares += xs[i]! * xs[i]! * ms[i]!;
  }
  const mean = sum / n;
  let deviations = 0;
  for (let i = 0; i < xs.length; i++) deviations += ms[i]! * (xs[i]! - mean) * (xs[i]! - mean);
  const values: Record<string, number> = {
    count: n,
    min: xs[0]!,
    max: xs[xs.length - 1]!,
    avg: mean,
    sum,
    sum_of_squares: squares,
    variance: deviations / n,
    std_deviation: Math.sqrt(deviations / n),
  };
  const row: Row = Object.create(null);
  for (const g of groups) row[g] = rows[0]![g];
  stats.forEach((name, i) => (row[`s${i}`] = values[name]));
  row.n = n;
  if (fractions.length) row.pc = fractions.map((f) => percentile(xs, ms, n, f));
  return row;
}

/** `quantile_cont` of n values (each `xs[i]` held `ms[i]` times, ascending) at fraction f. */
export function percentile(xs: number[], ms: number[], n: number, f: number): number {
  const position = (n - 1) * f;
  const lo = Math.floor(position);
  const d = position - lo;
  return at(xs, ms, lo) * (1 - d) + at(xs, ms, Math.ceil(position)) * d;
}

/** The value at 0-based position p of the sorted values. */
function at(xs: number[], ms: number[], p: number): number {
  let upto = 0;
  for (let i = 0; i < xs.length; i++) {
    upto += ms[i]!;
    if (upto > p) return xs[i]!;
  }
  return xs[xs.length - 1]!;
}
