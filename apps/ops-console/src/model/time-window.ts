/** Time windows: the `_timestamp` filter each stands for, and the span in milliseconds. */
import type { LastWindow, Period, TimeWindow } from './widget';

const WINDOW_MS: Record<LastWindow, number> = { '15m': 15 * 60_000, '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 };
export const PERIOD_MS: Record<Period, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** The window as absolute times, relative to `now` for "last" windows. */
export function windowRange(window: TimeWindow, now: number): { from: number; to: number } {
  return 'last' in window ? { from: now - WINDOW_MS[window.last], to: now } : window;
}

/** The Foxtrot filter that limits a request to the window. */
export function windowFilter(window: TimeWindow): Record<string, unknown> {
  return 'last' in window
    ? { operator: 'last', field: '_timestamp', duration: window.last }
    : { operator: 'between', field: '_timestamp', from: window.from, to: window.to };
}

/** A period that gives a readable number of points for the window (about 15 to 400). */
export function suggestedPeriod(window: TimeWindow): Period {
  const span = 'last' in window ? WINDOW_MS[window.last] : window.to - window.from;
  if (span <= 6 * 3_600_000) return 'minutes';
  if (span <= 14 * 86_400_000) return 'hours';
  return 'days';
}

export function describeWindow(window: TimeWindow): string {
  if ('last' in window) return `last ${window.last}`;
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return `${fmt(window.from)} – ${fmt(window.to)}`;
}
