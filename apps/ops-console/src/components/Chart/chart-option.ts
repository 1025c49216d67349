/** ECharts options for the console's dark theme, one shape per kind of chart data. */
import type { ChartData } from '../../model/to-chart';

export const PALETTE = ['#818cf8', '#34d399', '#fbbf24', '#f472b6', '#38bdf8', '#fb923c', '#a78bfa', '#4ade80', '#f87171', '#2dd4bf', '#facc15', '#c084fc'];
const TEXT = '#cbd5e1';
const MUTED = '#64748b';
const GRID_LINE = '#1e293b';

const axisCommon = {
  axisLine: { lineStyle: { color: '#334155' } },
  axisLabel: { color: MUTED, fontSize: 11 },
  splitLine: { lineStyle: { color: GRID_LINE } },
};
const tooltip = { backgroundColor: '#0f172a', borderColor: '#334155', textStyle: { color: TEXT, fontSize: 12 } };
const legendOf = (show: boolean) => ({ show, type: 'scroll' as const, top: 0, textStyle: { color: TEXT, fontSize: 11 }, pageTextStyle: { color: TEXT }, itemWidth: 12, itemHeight: 8 });

/** The ECharts option of a chart; `narrow` (a phone) puts the pie legend below and keeps axis labels apart. */
export function chartOption(data: Exclude<ChartData, { kind: 'rows' | 'number' }>, legend: boolean, narrow = false): Record<string, unknown> {
  const grid = { left: 8, right: 16, top: legend ? 30 : 12, bottom: 4, containLabel: true };
  // Labels that would overlap are left out rather than drawn over each other.
  const labels = { ...axisCommon.axisLabel, hideOverlap: true };
  switch (data.kind) {
    case 'slices':
      return {
        color: PALETTE,
        tooltip: { ...tooltip, trigger: 'item', valueFormatter: (v: number) => v.toLocaleString() },
        legend: narrow ? { ...legendOf(legend), top: 'auto', bottom: 0 } : { ...legendOf(legend), orient: 'vertical', left: 'right', top: 'middle' },
        series: [
          {
            type: 'pie',
            radius: narrow ? ['36%', '58%'] : ['45%', '72%'],
            center: narrow ? ['50%', '44%'] : [legend ? '38%' : '50%', '52%'],
            itemStyle: { borderColor: '#111827', borderWidth: 2 },
            label: { show: !legend, color: TEXT, formatter: '{b}: {d}%' },
            data: data.slices,
          },
        ],
      };
    case 'bars':
      return {
        color: PALETTE,
        grid,
        tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { ...legendOf(legend && data.series.length > 1) },
        xAxis: {
          type: 'category',
          data: data.categories,
          ...axisCommon,
          axisLabel: { ...labels, interval: narrow ? 'auto' : 0, rotate: data.categories.length > (narrow ? 3 : 6) ? 40 : 0, overflow: 'truncate', width: narrow ? 64 : 96 },
        },
        yAxis: { type: 'value', ...axisCommon },
        series: data.series.map((s) => ({ type: 'bar', name: s.name, stack: 'total', data: s.values, barMaxWidth: 36, itemStyle: { borderRadius: data.series.length > 1 ? 0 : [3, 3, 0, 0] } })),
      };
    case 'lines':
      return {
        color: PALETTE,
        grid,
        tooltip: { ...tooltip, trigger: 'axis' },
        legend: legendOf(legend),
        xAxis: { type: 'time', ...axisCommon, axisLabel: labels, splitNumber: narrow ? 3 : 5, splitLine: { show: false } },
        yAxis: { type: 'value', ...axisCommon },
        series: data.series.map((s) => ({
          type: 'line',
          name: s.name,
          data: s.points,
          showSymbol: false,
          smooth: 0.2,
          lineStyle: { width: 1.6 },
          areaStyle: data.series.length === 1 ? { opacity: 0.15 } : undefined,
          connectNulls: false,
        })),
      };
  }
}
