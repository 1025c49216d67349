/** A console widget as the browser holds it; the server checks the same shape (server/ops/dashboards/dashboard-schema.ts). */

export const WIDGET_TYPES = ['pie', 'bar', 'histogram', 'trend', 'statstrend', 'table', 'count'] as const;
export type WidgetType = (typeof WIDGET_TYPES)[number];

export const LAST_WINDOWS = ['15m', '1h', '6h', '24h', '7d'] as const;
export type LastWindow = (typeof LAST_WINDOWS)[number];
export type TimeWindow = { last: LastWindow } | { from: number; to: number };

export const FILTER_OPERATORS = [
  'equals', 'not_equals', 'contains', 'wildcard', 'less_than', 'less_equal', 'greater_than', 'greater_equal',
  'between', 'in', 'not_in', 'exists', 'missing',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export interface WidgetFilter {
  field: string;
  operator: FilterOperator;
  /** As typed: numbers stay text until the request is built; `in` takes a comma list, `between` "a..b". */
  value: string;
}

export const REFRESH_SECONDS = [0, 10, 30, 60, 300] as const;
export const PERIODS = ['minutes', 'hours', 'days'] as const;
export type Period = (typeof PERIODS)[number];
export const SERIES_STATS = ['avg', 'min', 'max', 'sum', 'count', 'p50', 'p75', 'p90', 'p95', 'p99'] as const;
export type SeriesStat = (typeof SERIES_STATS)[number];

interface Common {
  id: string;
  title: string;
  table: string;
  window: TimeWindow;
  filters: WidgetFilter[];
  legend: boolean;
  refreshSeconds: (typeof REFRESH_SECONDS)[number];
  span: 1 | 2 | 3;
}

export type Widget = Common &
  (
    | { type: 'pie'; field: string; limit: number }
    | { type: 'bar'; field: string; stackBy?: string; limit: number }
    | { type: 'histogram'; period: Period; uniqueCountOn?: string }
    | { type: 'trend'; field: string; period: Period; values: string[] }
    | { type: 'statstrend'; field: string; period: Period; series: SeriesStat[] }
    | { type: 'table'; columns: string[]; limit: number }
    | { type: 'count'; field?: string; distinct: boolean }
  );

export interface DashboardDoc {
  name: string;
  description: string;
  widgets: Widget[];
}

export interface SavedDashboard extends DashboardDoc {
  id: string;
  createdAt: number;
  updatedAt: number;
}

export const WIDGET_LABELS: Record<WidgetType, string> = {
  pie: 'Pie',
  bar: 'Bar',
  histogram: 'Histogram',
  trend: 'Trend lines',
  statstrend: 'Stats trend',
  table: 'Table',
  count: 'Count',
};
