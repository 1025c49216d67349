/** New widgets with sensible settings per type, and the dashboard a first visit starts from. */
import { STOREFRONT_FIELDS as F, STOREFRONT_TABLE } from '../../../../shared/telemetry-fields';
import { suggestedPeriod } from './time-window';
import type { DashboardDoc, Widget, WidgetType } from './widget';

export function newWidgetId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** A widget of `type` keeping the common settings (table, window, filters…) of `from`. */
export function widgetOfType(type: WidgetType, from: Partial<Widget> = {}): Widget {
  const window = from.window ?? { last: '1h' };
  const common = {
    id: from.id ?? newWidgetId(),
    title: from.title ?? '',
    table: from.table ?? STOREFRONT_TABLE,
    window,
    filters: from.filters ?? [],
    legend: from.legend ?? true,
    refreshSeconds: from.refreshSeconds ?? 0,
    span: from.span ?? (type === 'table' || type === 'trend' || type === 'statstrend' ? 2 : 1),
  } as const;
  const field = 'field' in from && typeof from.field === 'string' ? from.field : '';
  const period = suggestedPeriod(window);
  switch (type) {
    case 'pie':
      return { ...common, type, field: field || F.os, limit: 8 };
    case 'bar':
      return { ...common, type, field: field || F.routeType, limit: 15 };
    case 'histogram':
      return { ...common, type, period };
    case 'trend':
      return { ...common, type, field: field || F.eventType, period, values: [] };
    case 'statstrend':
      return { ...common, type, field: field || F.value, period, series: ['p50', 'p95'] };
    case 'table':
      return { ...common, type, columns: [], limit: 50 };
    case 'count':
      return { ...common, type, distinct: false };
  }
}

/** What the console shows before anything is saved: the shop's own events at a glance. */
export function starterDashboard(): DashboardDoc {
  const w = (type: WidgetType, extra: Partial<Widget>): Widget => ({ ...widgetOfType(type, extra), ...extra }) as Widget;
  return {
    name: 'Storefront overview',
    description: '',
    widgets: [
      w('count', { title: 'Events', span: 1 }),
      w('count', { title: 'Sessions', field: F.session, distinct: true, span: 1 } as Partial<Widget>),
      w('pie', { title: 'App loads by OS', field: F.os, filters: [{ field: F.eventType, operator: 'equals', value: 'APP_LOAD' }] } as Partial<Widget>),
      w('histogram', { title: 'Events per minute', span: 2 }),
      w('bar', { title: 'Page views by route', field: F.routeType, filters: [{ field: F.eventType, operator: 'equals', value: 'PAGE_VIEW' }] } as Partial<Widget>),
      w('trend', { title: 'Events by type', field: F.eventType, span: 2 } as Partial<Widget>),
      w('statstrend', { title: 'LCP (ms)', field: F.value, filters: [{ field: F.eventType, operator: 'equals', value: 'WEB_VITAL' }, { field: F.metric, operator: 'equals', value: 'LCP' }], span: 1 } as Partial<Widget>),
      w('table', { title: 'Latest events', span: 3, limit: 20 } as Partial<Widget>),
    ],
  };
}
