/** Core Web Vitals of the page load, as `WEB_VITAL` events, measured by the web-vitals library. */
import type { Metric } from 'web-vitals';
import type { EventData, TelemetryEventType } from './event-types';

/**
 * Reports each metric once it is final (most on page hide), tagged with the route type the page loaded as.
 * The library is its own chunk, fetched after the page's load: its observers read buffered entries,
 * so starting late loses nothing, and first paint does not wait for its bytes.
 */
export async function reportWebVitals(track: (type: TelemetryEventType, data: EventData) => void, routeType: string): Promise<void> {
  const { onCLS, onFCP, onINP, onLCP, onTTFB } = await import(/* webpackChunkName: "later-vitals" */ 'web-vitals');
  const report = ({ name, value, rating, navigationType }: Metric): void =>
    // CLS is a small unitless score; the others are milliseconds.
    track('WEB_VITAL', { metric: name, value: name === 'CLS' ? Math.round(value * 1e4) / 1e4 : Math.round(value), rating, navigationType, routeType });
  onTTFB(report);
  onFCP(report);
  onLCP(report);
  onCLS(report);
  onINP(report);
}
