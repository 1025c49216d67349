/**
 * `group`: counts per combination of the nesting fields, as nested maps
 * (`{"android": {"4.4": 10}}`); with `uniqueCountOn`, distinct values of that field instead.
 * `aggregationField` with `aggregationType` (sum, avg, min, max) aggregates a number instead.
 */
import { AppError } from '../../errors/app-error';
import { textOr } from '../../http/shown-value';
import { fieldList, optionalField, Scope, withKeys, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';

const AGGREGATIONS = ['count', 'sum', 'avg', 'min', 'max'];

export async function group(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const scope = new Scope(ctx, request);
  const nesting = fieldList(request, 'nesting', true);
  const unique = optionalField(request, 'uniqueCountOn');
  const aggregationField = optionalField(request, 'aggregationField');
  const aggregationType = textOr(request.aggregationType ?? 'count', '').toLowerCase();
  if (!AGGREGATIONS.includes(aggregationType)) throw new AppError('bad-request', { aggregationType: request.aggregationType }, `aggregationType must be one of ${AGGREGATIONS.join(', ')}.`);
  let value = 'count(*)';
  if (unique) value = `count(DISTINCT ${scope.text(unique)})`;
  else if (aggregationField && aggregationType !== 'count') value = `${aggregationType}(${scope.number(aggregationField)})`;
  const keys = nesting.map((f, i) => `${scope.text(f)} AS k${i}`);
  const positions = nesting.map((_, i) => i + 1).join(', ');
  const rows = await scope.selectCapped(`SELECT ${keys.join(', ')}, ${value} AS v ${scope.body()} GROUP BY ${positions}`);
  // Keys are values anyone can post (`__proto__`, `constructor`): every level is a prototype-less
  // object, so a key is only ever an own property and never reaches Object.prototype.
  const result: Record<string, unknown> = Object.create(null);
  for (const row of withKeys(rows, nesting.length)) {
    let level = result;
    nesting.forEach((_, i) => {
      const key = String(row[`k${i}`]);
      if (i === nesting.length - 1) level[key] = Number(row.v ?? 0);
      else level = (level[key] ??= Object.create(null)) as Record<string, unknown>;
    });
  }
  return { opcode: 'group', result };
}
