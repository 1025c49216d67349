/**
 * Analytics answers reshaped for charts and tables: slices, category bars, time series with empty
 * buckets filled in (so a quiet minute draws as zero, not as a line across the gap), and rows.
 */
import { PERIOD_MS } from './time-window';
import type { Period, Widget } from './widget';

export type Point = [number, number | null];
export interface Series {
  name: string;
  points: Point[];
}
export type ChartData =
  | { kind: 'slices'; slices: { name: string; value: number }[] }
  | { kind: 'bars'; categories: string[]; series: { name: string; values: number[] }[] }
  | { kind: 'lines'; series: Series[] }
  | { kind: 'rows'; columns: string[]; rows: (string | number | null)[][]; total: number }
  | { kind: 'number'; value: number };

const MAX_BUCKETS = 5000;

/** Zero-filled buckets of `periodMs` from `from` to `to`, with `counts` laid in. */
export function fillBuckets(counts: { period: number; count: number }[], from: number, to: number, periodMs: number): Point[] {
  const start = Math.floor(from / periodMs) * periodMs;
  const end = Math.floor(to / periodMs) * periodMs;
  if ((end - start) / periodMs > MAX_BUCKETS) return counts.map((c) => [c.period, c.count]);
  const byPeriod = new Map(counts.map((c) => [c.period, c.count]));
  const points: Point[] = [];
  for (let t = start; t <= end; t += periodMs) points.push([t, byPeriod.get(t) ?? 0]);
  return points;
}

/** The `limit` largest entries, the rest summed as "other". */
export function topSlices(result: Record<string, unknown>, limit: number): { name: string; value: number }[] {
  const entries = Object.entries(result)
    .map(([name, value]) => ({ name, value: Number(value) }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  if (entries.length <= limit) return entries;
  const rest = entries.slice(limit).reduce((sum, e) => sum + e.value, 0);
  return [...entries.slice(0, limit), { name: 'other', value: rest }];
}

function bars(result: Record<string, unknown>, stacked: boolean, limit: number): ChartData {
  if (!stacked) {
    const top = topSlices(result, limit).filter((s) => s.name !== 'other');
    return { kind: 'bars', categories: top.map((s) => s.name), series: [{ name: 'count', values: top.map((s) => s.value) }] };
  }
  const totals = Object.entries(result as Record<string, Record<string, number>>).map(([name, inner]) => ({
    name,
    inner,
    value: Object.values(inner).reduce((a, b) => a + Number(b), 0),
  }));
  totals.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const top = totals.slice(0, limit);
  const stackKeys = [...new Set(top.flatMap((t) => Object.keys(t.inner)))].sort();
  return {
    kind: 'bars',
    categories: top.map((t) => t.name),
    series: stackKeys.map((key) => ({ name: key, values: top.map((t) => (Object.hasOwn(t.inner, key) ? Number(t.inner[key]) : 0)) })),
  };
}

/** Flattens a document's data into dotted columns (`appVersion.major`). */
export function flattenData(data: unknown, prefix = '', out: Record<string, unknown> = Object.create(null)): Record<string, unknown> {
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) flattenData(value, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out[prefix] = data;
  }
  return out;
}

function rows(response: Record<string, unknown>, columns: string[]): ChartData {
  const docs = (response.documents ?? []) as { id: string; timestamp: number; data: unknown }[];
  const flat = docs.map((d) => flattenData(d.data));
  const names = columns.length ? columns : [...new Set(flat.flatMap((f) => Object.keys(f)))].slice(0, 12);
  const cell = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : typeof v === 'number' ? v : String(v));
  return {
    kind: 'rows',
    columns: ['time', ...names],
    // Column names come from events (`constructor` too): read own properties only.
    rows: docs.map((d, i) => [new Date(d.timestamp).toISOString().replace('T', ' ').slice(0, 19), ...names.map((n) => cell(Object.hasOwn(flat[i]!, n) ? flat[i]![n] : undefined))]),
    total: Number(response.totalHits ?? docs.length),
  };
}

function statKey(stat: string): { group: 'stats' | 'percentiles'; key: string } {
  return stat.startsWith('p') ? { group: 'percentiles', key: `${stat.slice(1)}.0` } : { group: 'stats', key: stat };
}

/** Chart-ready data for `widget` from its analytics answer; `range` is the window the request covered. */
export function toChartData(widget: Widget, response: Record<string, unknown>, range: { from: number; to: number }): ChartData {
  const periodMs = (period: Period) => PERIOD_MS[period];
  switch (widget.type) {
    case 'pie':
      return { kind: 'slices', slices: topSlices((response.result ?? {}) as Record<string, unknown>, widget.limit) };
    case 'bar':
      return bars((response.result ?? {}) as Record<string, unknown>, Boolean(widget.stackBy), widget.limit);
    case 'histogram': {
      const counts = (response.counts ?? []) as { period: number; count: number }[];
      return { kind: 'lines', series: [{ name: widget.uniqueCountOn ? `distinct ${widget.uniqueCountOn}` : 'events', points: fillBuckets(counts, range.from, range.to, periodMs(widget.period)) }] };
    }
    case 'trend': {
      const trends = (response.trends ?? {}) as Record<string, { period: number; count: number }[]>;
      const series = Object.entries(trends)
        .map(([name, counts]) => ({ name, total: counts.reduce((s, c) => s + c.count, 0), points: fillBuckets(counts, range.from, range.to, periodMs(widget.period)) }))
        .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
        .slice(0, 12);
      return { kind: 'lines', series: series.map(({ name, points }) => ({ name, points })) };
    }
    case 'statstrend': {
      const result = (response.result ?? []) as ({ period: number } & Record<'stats' | 'percentiles', Record<string, number | null> | undefined>)[];
      return {
        kind: 'lines',
        series: widget.series.map((stat) => {
          const { group, key } = statKey(stat);
          return { name: `${stat}(${widget.field})`, points: result.map((r): Point => [r.period, r[group]?.[key] ?? null]) };
        }),
      };
    }
    case 'table':
      return rows(response, widget.columns);
    case 'count':
      return { kind: 'number', value: Number(response.count ?? 0) };
  }
}
