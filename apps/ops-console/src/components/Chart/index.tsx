/** ECharts behind a React component; only the chart types and parts the console uses are bundled. */
import { useEffect, useRef, useState } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { describeChart } from '../../model/chart-summary';
import type { ChartData } from '../../model/to-chart';
import { chartOption } from './chart-option';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Below this width a chart lays its legend and labels out for a phone. */
const NARROW_PX = 480;

/** A canvas chart, described in words for screen readers (the canvas itself says nothing). */
export function Chart({ data, legend, label }: { data: Exclude<ChartData, { kind: 'rows' | 'number' }>; legend: boolean; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [narrow, setNarrow] = useState(false);

  useEffect(() => {
    const el = box.current!;
    chart.current = init(el, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => {
      setNarrow(el.clientWidth < NARROW_PX);
      chart.current?.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(chartOption(data, legend, narrow), { notMerge: true });
  }, [data, legend, narrow]);

  return <div className="chart" ref={box} role="img" aria-label={`${label}: ${describeChart(data)}`} data-testid="chart" />;
}
