/** `multi_query`: several named requests in one call (`requests` → `responses`). */
import { AppError } from '../../errors/app-error';
import type { ActionRequest, ActionResponse, AnalyticsContext } from './scope';

export async function multiQuery(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const requests = request.requests;
  if (requests === null || typeof requests !== 'object' || Array.isArray(requests)) {
    throw new AppError('bad-request', { field: 'requests' }, 'requests must map names to analytics requests.');
  }
  const entries = Object.entries(requests as Record<string, unknown>);
  if (entries.length === 0 || entries.length > 20) throw new AppError('bad-request', { field: 'requests' }, 'requests must hold 1 to 20 requests.');
  const responses = await Promise.all(entries.map(([, inner]) => ctx.run(inner)));
  return { opcode: 'multi_query', responses: Object.fromEntries(entries.map(([name], i) => [name, responses[i]])) };
}
