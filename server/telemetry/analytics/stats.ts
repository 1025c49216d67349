/**
 * `stats`: count, min, max, avg, sum, sum of squares, variance, standard deviation and percentiles
 * of a numeric field; with `nesting`, the same per bucket (`buckets: [{key, result, buckets}]`).
 */
import type { Field } from '../fields';
import { fieldList, Scope, requireString, withKeys, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';
import { parseField } from '../fields';
import { statsColumns, statsSpec, statsValue, type StatsSpec } from './stats-values';

export interface Bucket<R> {
  key: string;
  result: R;
  buckets: Bucket<R>[];
}

export async function stats(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const scope = new Scope(ctx, request);
  const field = parseField(requireString(request, 'field'));
  const nesting = fieldList(request, 'nesting', false);
  const spec = statsSpec(request);
  const x = scope.number(field);
  // One query per nesting level: level 0 is the overall result.
  const levels = await Promise.all(
    [0, ...nesting.map((_, i) => i + 1)].map((depth) => statsLevel(scope, x, nesting.slice(0, depth), spec)),
  );
  const response: ActionResponse = { opcode: 'stats', result: statsValue(levels[0]![0], spec) };
  if (nesting.length) response.buckets = nestBuckets(levels.slice(1), nesting.length, (row) => statsValue(row, spec));
  return response;
}

/**
 * One level's rows: aggregates skip events without a numeric value, so no filter extracts it a
 * second time; buckets with no value at all (`n = 0`) and events without a key are dropped after.
 */
async function statsLevel(scope: Scope, x: string, keys: Field[], spec: StatsSpec): Promise<Record<string, unknown>[]> {
  // The value and keys are computed once per event in a subquery, which PostgreSQL must not fold
  // back into the aggregates (each would extract the value again); DuckDB shares them by itself.
  const inner = [`${x} AS x`, ...keys.map((f, i) => `${scope.text(f)} AS k${i}`)];
  const outerKeys = keys.map((_, i) => `k${i}`);
  const groupBy = keys.length ? ` GROUP BY ${outerKeys.join(', ')}` : '';
  const columns = [...outerKeys, ...statsColumns(scope, 'x', spec), 'count(x) AS n'];
  const rows = await scope.select(`SELECT ${columns.join(', ')} FROM (SELECT ${inner.join(', ')} ${scope.body()}${scope.dialect.fence}) AS e${groupBy}`);
  return withKeys(rows, keys.length).filter((row) => Number(row.n) > 0);
}

/** Builds the bucket tree from one result set per depth (rows keyed k0…k{depth-1}). */
export function nestBuckets<R>(levels: Record<string, unknown>[][], depth: number, value: (row: Record<string, unknown>) => R): Bucket<R>[] {
  const build = (level: number, prefix: string[]): Bucket<R>[] => {
    if (level >= depth) return [];
    return levels[level]!
      .filter((row) => prefix.every((key, i) => String(row[`k${i}`]) === key))
      .map((row) => {
        const key = String(row[`k${level}`]);
        return { key, result: value(row), buckets: build(level + 1, [...prefix, key]) };
      })
      .sort((a, b) => a.key.localeCompare(b.key));
  };
  return build(0, []);
}
