/** `statstrend`: stats of a numeric field per time period (`result: [{period, stats, percentiles}]`). */
import { parseField, TIMESTAMP_FIELD } from '../fields';
import { bucketSql, periodMs } from './period';
import { fieldList, requireString, Scope, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';
import { nestBuckets } from './stats';
import { statsRows, statsSpec, statsValue } from './stats-values';

export async function statstrend(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const scope = new Scope(ctx, request);
  const field = parseField(requireString(request, 'field'));
  const time = scope.number(parseField(request.timestamp ?? TIMESTAMP_FIELD));
  const ms = periodMs(request.period);
  const nesting = fieldList(request, 'nesting', false);
  const spec = statsSpec(request);
  const levels = await Promise.all(
    [0, ...nesting.map((_, i) => i + 1)].map((depth) => statsRows(scope, field, nesting.slice(0, depth), spec, bucketSql(time, ms))),
  );
  const series = (rows: Record<string, unknown>[]) =>
    rows.map((row) => ({ period: Number(row.period), ...statsValue(row, spec) })).sort((a, b) => a.period - b.period);
  const response: ActionResponse = { opcode: 'statstrend', result: series(levels[0]!) };
  if (nesting.length) {
    // Group each level's rows by its key prefix, then build the tree with a series per bucket.
    const grouped = levels.slice(1).map((rows, depth) => collapse(rows, depth + 1));
    response.buckets = nestBuckets(grouped, nesting.length, (row) => series(row.rows as Record<string, unknown>[]));
  }
  return response;
}

function collapse(rows: Record<string, unknown>[], depth: number): Record<string, unknown>[] {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const keys = Array.from({ length: depth }, (_, i) => String(row[`k${i}`]));
    const id = JSON.stringify(keys);
    let entry = byKey.get(id);
    if (!entry) {
      entry = Object.fromEntries(keys.map((k, i) => [`k${i}`, k]));
      entry.rows = [];
      byKey.set(id, entry);
    }
    (entry.rows as Record<string, unknown>[]).push(row);
  }
  return [...byKey.values()];
}
