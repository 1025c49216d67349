/** A widget's Foxtrot analytics request: its opcode, the opcode's fields, the window and the filters. */
import { windowFilter } from './time-window';
import type { Widget, WidgetFilter } from './widget';

export type AnalyticsRequest = Record<string, unknown> & { opcode: string; table: string; filters: Record<string, unknown>[] };

const STAT_NAMES = new Set(['avg', 'min', 'max', 'sum', 'count']);

/** Numbers compare as numbers in Foxtrot only when sent as JSON numbers. */
function scalar(text: string): string | number {
  const trimmed = text.trim();
  return trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** One typed filter in Foxtrot's wire form. */
export function toFoxtrotFilter(filter: WidgetFilter): Record<string, unknown> {
  const { field, operator, value } = filter;
  switch (operator) {
    case 'exists':
    case 'missing':
      return { operator, field };
    case 'in':
    case 'not_in':
      return { operator, field, values: value.split(',').map((v) => v.trim()).filter(Boolean).map(scalar) };
    case 'between': {
      const [from = '', to = ''] = value.includes('..') ? value.split('..') : value.split(',');
      return { operator, field, from: scalar(from), to: scalar(to) };
    }
    case 'contains':
    case 'wildcard':
      return { operator, field, value };
    default:
      return { operator, field, value: scalar(value) };
  }
}

/** The analytics request that answers `widget`. */
export function toAnalyticsRequest(widget: Widget): AnalyticsRequest {
  const filters = [windowFilter(widget.window), ...widget.filters.filter((f) => f.field.trim() !== '').map(toFoxtrotFilter)];
  const base = { table: widget.table, filters };
  switch (widget.type) {
    case 'pie':
      return { opcode: 'group', ...base, nesting: [widget.field] };
    case 'bar':
      return { opcode: 'group', ...base, nesting: widget.stackBy ? [widget.field, widget.stackBy] : [widget.field] };
    case 'histogram':
      return { opcode: 'histogram', ...base, field: '_timestamp', period: widget.period, ...(widget.uniqueCountOn ? { uniqueCountOn: widget.uniqueCountOn } : {}) };
    case 'trend':
      return { opcode: 'trend', ...base, field: widget.field, period: widget.period, values: widget.values };
    case 'statstrend': {
      const stats = widget.series.filter((s) => STAT_NAMES.has(s));
      const percentiles = widget.series.filter((s) => !STAT_NAMES.has(s)).map((s) => Number(s.slice(1)));
      return { opcode: 'statstrend', ...base, field: widget.field, period: widget.period, stats: stats.length ? stats : ['count'], percentiles };
    }
    case 'table':
      return { opcode: 'query', ...base, sort: { field: '_timestamp', order: 'desc' }, limit: widget.limit };
    case 'count':
      return { opcode: 'count', ...base, ...(widget.field ? { field: widget.field, distinct: widget.distinct } : {}) };
  }
}
