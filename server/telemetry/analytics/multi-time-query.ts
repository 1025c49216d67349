/**
 * `multi_time_query`: one request run over `sampleSize` windows, each `skipDuration` earlier
 * than the last (today vs the same hour on past days). The request needs a time window on
 * `_timestamp` (a `last` or `between` filter); answers are keyed by each window's start.
 */
import { AppError } from '../../errors/app-error';
import { parseDuration } from '../duration';
import { finite, lastWindow, type Filter } from '../filters';
import { TIMESTAMP_FIELD } from '../fields';
import type { ActionRequest, ActionResponse, AnalyticsContext } from './scope';

export async function multiTimeQuery(request: ActionRequest, ctx: AnalyticsContext): Promise<ActionResponse> {
  const inner = request.actionRequest as ActionRequest | undefined;
  if (!inner || typeof inner !== 'object') throw new AppError('bad-request', { field: 'actionRequest' }, 'actionRequest is required.');
  const skip = parseDuration(request.skipDuration);
  const samples = typeof request.sampleSize === 'number' && request.sampleSize > 0 ? Math.min(Math.floor(request.sampleSize), 30) : 1;
  const filters = (Array.isArray(inner.filters) ? inner.filters : []) as Filter[];
  const index = filters.findIndex((f) => (f.operator === 'last' || f.operator === 'between') && (f.field ?? TIMESTAMP_FIELD) === TIMESTAMP_FIELD);
  if (index < 0) throw new AppError('bad-request', { field: 'actionRequest.filters' }, 'multi_time_query needs a last or between filter on _timestamp.');
  const window = filters[index]!;
  const { from, to } =
    window.operator === 'last'
      ? lastWindow(window, ctx.now)
      : { from: finite(typeof window.from === 'number' ? window.from : NaN, 'from'), to: finite(typeof window.to === 'number' ? window.to : NaN, 'to') };
  const runs = Array.from({ length: samples }, (_, i) => {
    const shifted: Filter = { operator: 'between', field: TIMESTAMP_FIELD, from: from - i * skip, to: to - i * skip };
    const copy = { ...inner, filters: filters.map((f, j) => (j === index ? shifted : f)) };
    return { start: from - i * skip, response: ctx.run(copy) };
  });
  // All awaited together: a window that fails while another is awaited must not go unhandled.
  const answers = await Promise.all(runs.map((run) => run.response));
  const responses: Record<string, unknown> = {};
  runs.forEach((run, i) => (responses[String(run.start)] = answers[i]));
  return { opcode: 'multi_time_query', responses };
}
