/** `trend`: a histogram per value of a field (`{"trends": {"android": [{period, count}]}}`). */
import { AppError } from '../../errors/app-error';
import { parseField, TIMESTAMP_FIELD } from '../fields';
import { bucketSql, periodMs } from './period';
import { optionalField, Scope, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';

/** A series value: a string, number or boolean, as text. */
function scalarText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new AppError('bad-request', { field: 'values' }, 'values must be strings or numbers.');
}

export async function trend(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const values = Array.isArray(request.values) ? request.values.map(scalarText) : [];
  const fieldName = typeof request.field === 'string' && request.field !== 'all' ? request.field : undefined;
  const field = fieldName ? parseField(fieldName) : undefined;
  const extra = field && values.length ? [{ operator: 'in', field: fieldName, values }] : [];
  const scope = new Scope(ctx, request, extra);
  const time = scope.number(parseField(request.timestamp ?? TIMESTAMP_FIELD));
  const ms = periodMs(request.period);
  const unique = optionalField(request, 'uniqueCountOn');
  const key = field ? scope.text(field) : `'all'`;
  const value = unique ? `count(DISTINCT ${scope.text(unique)})` : 'count(*)';
  const where = [`${time} IS NOT NULL`, ...(field ? [scope.present(field)] : [])];
  const rows = await scope.selectCapped(`SELECT ${key} AS k, ${bucketSql(time, ms)} AS period, ${value} AS n ${scope.body(where)} GROUP BY 1, 2 ORDER BY 2, 1`);
  // Keyed by posted values (`constructor` too): no prototype, so every key is the series' own.
  const trends: Record<string, { period: number; count: number }[]> = Object.create(null);
  for (const value of values) trends[value] = [];
  for (const row of rows) (trends[String(row.k)] ??= []).push({ period: Number(row.period), count: Number(row.n) });
  return { opcode: 'trend', trends };
}
