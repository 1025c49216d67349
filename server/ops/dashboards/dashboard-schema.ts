/**
 * What a saved dashboard may hold: widgets, each with its table, time window, filters, legend and
 * refresh settings, plus the fields its chart type needs. The console's `apps/ops-console/src/model/widget.ts`
 * describes the same shape for the browser.
 */
import { z } from 'zod';
import { TABLE_NAME } from '../../telemetry/tables';

const FIELD = /^[A-Za-z0-9_$@:\- ]{1,128}(\.[A-Za-z0-9_$@:\- ]{1,128}){0,15}$/;
const field = z.string().max(512).regex(FIELD, 'must be a dotted path such as os or appVersion.major');

export const WIDGET_TYPES = ['pie', 'bar', 'histogram', 'trend', 'statstrend', 'table', 'count'] as const;
export const LAST_WINDOWS = ['15m', '1h', '6h', '24h', '7d'] as const;
export const FILTER_OPERATORS = [
  'equals', 'not_equals', 'contains', 'wildcard', 'less_than', 'less_equal', 'greater_than', 'greater_equal',
  'between', 'in', 'not_in', 'exists', 'missing',
] as const;
export const REFRESH_SECONDS = [0, 10, 30, 60, 300] as const;
export const PERIODS = ['minutes', 'hours', 'days'] as const;
export const SERIES_STATS = ['avg', 'min', 'max', 'sum', 'count', 'p50', 'p75', 'p90', 'p95', 'p99'] as const;

const timeWindow = z.union([
  z.object({ last: z.enum(LAST_WINDOWS) }).strict(),
  z
    .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
    .strict()
    .refine((w) => w.from < w.to, 'from must be before to'),
]);

const filter = z
  .object({
    field: z.union([field, z.literal('_timestamp')]),
    operator: z.enum(FILTER_OPERATORS),
    value: z.string().max(1000).default(''),
  })
  .strict();

const common = {
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  title: z.string().trim().max(120).default(''),
  table: z.string().regex(TABLE_NAME, 'must be a telemetry table name'),
  window: timeWindow,
  filters: z.array(filter).max(20).default([]),
  legend: z.boolean().default(true),
  refreshSeconds: z.union(REFRESH_SECONDS.map((s) => z.literal(s))).default(0),
  /** Grid columns the widget spans (of 3). */
  span: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
};
const period = z.enum(PERIODS).default('minutes');
const limit = z.number().int().min(1).max(500);

export const widgetSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('pie'), field, limit: limit.default(10) }).strict(),
  z.object({ ...common, type: z.literal('bar'), field, stackBy: field.optional(), limit: limit.default(20) }).strict(),
  z.object({ ...common, type: z.literal('histogram'), period, uniqueCountOn: field.optional() }).strict(),
  z.object({ ...common, type: z.literal('trend'), field, period, values: z.array(z.string().max(200)).max(20).default([]) }).strict(),
  z.object({ ...common, type: z.literal('statstrend'), field, period, series: z.array(z.enum(SERIES_STATS)).min(1).max(6).default(['avg', 'p95']) }).strict(),
  z.object({ ...common, type: z.literal('table'), columns: z.array(field).max(20).default([]), limit: limit.default(50) }).strict(),
  z.object({ ...common, type: z.literal('count'), field: field.optional(), distinct: z.boolean().default(false) }).strict(),
]);

export const dashboardSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).default(''),
    widgets: z.array(widgetSchema).max(30),
  })
  .strict();

export type Widget = z.infer<typeof widgetSchema>;
export type DashboardInput = z.infer<typeof dashboardSchema>;

export interface Dashboard extends DashboardInput {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** Saved dashboard ids: 12 URL-safe characters, unguessable enough to share by link among operators. */
export const DASHBOARD_ID = /^[A-Za-z0-9_-]{12}$/;
