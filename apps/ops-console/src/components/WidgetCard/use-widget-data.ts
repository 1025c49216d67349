/** Fetches a widget's data: again when its settings change, on the dashboard's refresh, and on its own interval. */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { windowRange } from '../../model/time-window';
import { toChartData, type ChartData } from '../../model/to-chart';
import { toAnalyticsRequest } from '../../model/to-request';
import type { Widget } from '../../model/widget';

export interface WidgetData {
  data: ChartData | null;
  error: string | null;
  loading: boolean;
  updatedAt: number | null;
}

export function useWidgetData(widget: Widget, refreshTick: number): WidgetData {
  const [state, setState] = useState<WidgetData>({ data: null, error: null, loading: true, updatedAt: null });
  const [ownTick, setOwnTick] = useState(0);
  const key = JSON.stringify(widget);

  useEffect(() => {
    if (!widget.refreshSeconds) return;
    const timer = setInterval(() => setOwnTick((t) => t + 1), widget.refreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [widget.refreshSeconds]);

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const now = Date.now();
    // Refreshes skip the server's 30 s cache, or an auto-refresh every 10 s would show stale numbers.
    const request = { ...toAnalyticsRequest(widget), ...(ownTick + refreshTick > 0 ? { bypassCache: true } : {}) };
    api
      .analytics(request)
      .then((response) => live && setState({ data: toChartData(widget, response, windowRange(widget.window, now)), error: null, loading: false, updatedAt: Date.now() }))
      .catch((error: unknown) => live && setState({ data: null, error: error instanceof Error ? error.message : String(error), loading: false, updatedAt: Date.now() }));
    return () => {
      live = false;
    };
  }, [key, refreshTick, ownTick]);

  return state;
}
