/**
 * `stats`: count, min, max, avg, sum, sum of squares, variance, standard deviation and percentiles
 * of a numeric field; with `nesting`, the same per bucket (`buckets: [{key, result, buckets}]`).
 */
import { fieldList, Scope, requireString, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';
import { parseField } from '../fields';
import { statsRows, statsSpec, statsValue } from './stats-values';

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
  // One query per nesting level: level 0 is the overall result.
  const levels = await Promise.all(
    [0, ...nesting.map((_, i) => i + 1)].map((depth) => statsRows(scope, field, nesting.slice(0, depth), spec)),
  );
  const response: ActionResponse = { opcode: 'stats', result: statsValue(levels[0]![0], spec) };
  if (nesting.length) response.buckets = nestBuckets(levels.slice(1), nesting.length, (row) => statsValue(row, spec));
  return response;
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
