/** `query`: raw documents, sorted (default newest first), paged with from and limit. */
import { textOr } from '../../http/shown-value';
import { parseField, TIMESTAMP_FIELD } from '../fields';
import { strippable } from '../mapping/column';
import { intOption, Scope, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';

export async function query(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const scope = new Scope(ctx, request);
  const sort = (request.sort !== null && typeof request.sort === 'object' ? request.sort : {}) as { field?: unknown; order?: unknown };
  const field = parseField(sort.field ?? TIMESTAMP_FIELD);
  const order = textOr(sort.order, 'desc').toLowerCase() === 'asc' ? 'ASC' : 'DESC';
  const from = intOption(request, 'from', 0, 1_000_000);
  const limit = intOption(request, 'limit', 10, 10_000);
  const orderBy =
    field.kind === 'timestamp'
      ? `ts ${order}`
      : `${scope.number(field)} ${order} NULLS LAST, ${scope.text(field)} ${order} NULLS LAST, ts DESC`;
  // Top-level fields may live in their column alone: the document is its JSON plus those.
  const own = ctx.columns(scope.table).filter(strippable);
  const extra = own.map((c, i) => `, "${c.name}" AS f${i}`).join('');
  const [rows, total] = await Promise.all([
    scope.select(`SELECT id, ts, data${extra} ${scope.body()} ORDER BY ${orderBy}, id LIMIT ${limit} OFFSET ${from}`),
    scope.select(`SELECT count(*) AS n ${scope.body()}`),
  ]);
  return {
    opcode: 'query',
    documents: rows.map((row) => {
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
      own.forEach((column, i) => {
        const value = row[`f${i}`];
        // A key such as `__proto__` is defined as data, never set as the object's prototype.
        if (value !== null && value !== undefined) Object.defineProperty(data, column.path, { value, enumerable: true, writable: true, configurable: true });
      });
      return { id: row.id, timestamp: Number(row.ts), data };
    }),
    totalHits: Number(total[0]?.n ?? 0),
  };
}
