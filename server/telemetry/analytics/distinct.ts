/** `distinct`: the distinct combinations of the nesting fields, each sorted as asked. */
import { AppError } from '../../errors/app-error';
import { textOr } from '../../http/shown-value';
import { parseField } from '../fields';
import { intOption, Scope, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';

export async function distinct(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const scope = new Scope(ctx, request);
  const nesting = request.nesting;
  if (!Array.isArray(nesting) || nesting.length === 0 || nesting.length > 10) {
    throw new AppError('bad-request', { field: 'nesting' }, 'nesting must list 1 to 10 {field, order} entries.');
  }
  const sorts = nesting.map((n) => {
    const entry = (typeof n === 'string' ? { field: n } : n !== null && typeof n === 'object' ? n : {}) as { field?: unknown; order?: unknown };
    const field = parseField(entry.field);
    return { name: entry.field as string, field, order: textOr(entry.order, 'desc').toLowerCase() === 'asc' ? 'ASC' : 'DESC' };
  });
  const limit = intOption(request, 'limit', 1000, 10_000);
  const cols = sorts.map((s, i) => `${scope.text(s.field)} AS c${i}`);
  const notNull = sorts.map((s) => scope.present(s.field));
  const rows = await scope.select(
    `SELECT DISTINCT ${cols.join(', ')} ${scope.body(notNull)} ORDER BY ${sorts.map((s, i) => `c${i} ${s.order}`).join(', ')} LIMIT ${limit}`,
  );
  return {
    opcode: 'distinct',
    headers: sorts.map((s) => s.name),
    result: rows.map((row) => sorts.map((_, i) => row[`c${i}`])),
  };
}
