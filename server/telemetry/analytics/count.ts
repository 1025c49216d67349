/** `count`: matching documents, or documents with a field, or distinct values of a field. */
import { optionalField, Scope, type ActionRequest, type ActionResponse, type AnalyticsContext } from './scope';

export async function count(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const scope = new Scope(ctx, request);
  const field = optionalField(request, 'field');
  const expr = !field ? 'count(*)' : request.distinct === true ? `count(DISTINCT ${scope.text(field)})` : `count(${scope.text(field)})`;
  const rows = await scope.select(`SELECT ${expr} AS n ${scope.body()}`);
  return { opcode: 'count', count: Number(rows[0]?.n ?? 0) };
}
