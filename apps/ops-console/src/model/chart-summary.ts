/**
 * A chart in words: what a screen reader says for a canvas chart, and what a test can read. Slices
 * and bars list each value; time series give each series' total and peak.
 */
import type { ChartData } from './to-chart';

const number = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A one-line description of a chart's data. */
export function describeChart(data: Exclude<ChartData, { kind: 'rows' | 'number' }>): string {
  switch (data.kind) {
    case 'slices':
      return data.slices.map((s) => `${s.name} ${number(s.value)}`).join(', ');
    case 'bars':
      return data.categories
        .map((category, i) => `${category} ${data.series.map((s) => number(s.values[i] ?? 0)).join(' / ')}`)
        .join(', ');
    case 'lines':
      return data.series
        .map((s) => {
          const values = s.points.map((p) => p[1] ?? 0);
          return `${s.name}: total ${number(values.reduce((a, b) => a + b, 0))}, peak ${number(Math.max(0, ...values))}`;
        })
        .join('; ');
  }
}
