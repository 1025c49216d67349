/** `histogram`: event counts (or distinct counts) per minute, hour or day of a time field. */
import { parseField, TIMESTAMP_FIELD } from '../fields';
import { bucketSql, periodMs } from './period';
import { optionalField, Scope, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';

export async function histogram(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const scope = new Scope(ctx, request);
  const field = parseField(request.field ?? TIMESTAMP_FIELD);
  const ms = periodMs(request.period);
  const unique = optionalField(request, 'uniqueCountOn');
  const time = scope.number(field);
  const value = unique ? `count(DISTINCT ${scope.text(unique)})` : 'count(*)';
  const rows = await scope.selectCapped(`SELECT ${bucketSql(time, ms)} AS period, ${value} AS n ${scope.body([`${time} IS NOT NULL`])} GROUP BY 1 ORDER BY 1`);
  return { opcode: 'histogram', counts: rows.map((r) => ({ period: Number(r.period), count: Number(r.n) })) };
}
