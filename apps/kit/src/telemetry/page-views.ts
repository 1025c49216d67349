/** `APP_LOAD` once the app has hydrated, and `PAGE_VIEW` on every page the app shows. */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { matchRoute, type RouteTable } from '../../../../shared/route-table';
import { setRouteType, track } from './telemetry';

/** The route type of `pathname` in `table`: its shell name, or the not-found page's. */
export function routeTypeOf(table: RouteTable, pathname: string): string | null {
  return matchRoute([table], pathname)?.route.shell ?? null;
}

/** Tracks page views by route type; the first one also reports how long the page took to load. */
export function usePageViews(table: RouteTable): void {
  const { pathname } = useLocation();
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (last.current === pathname) return;
    const first = last.current === null;
    last.current = pathname;
    // After a client navigation, a URL of another app: the page is being replaced, and that app counts the view.
    const routeType = routeTypeOf(table, pathname) ?? (first ? table.notFound?.shell : undefined);
    if (!routeType) return;
    setRouteType(routeType);
    if (first) track('APP_LOAD', loadTiming());
    track('PAGE_VIEW', { navigation: first ? 'load' : 'client' });
  }, [pathname, table]);
}

/** Milestones of this page load in ms since navigation start; `hydrated` is now, when React has taken over. */
function loadTiming(): Record<string, number | string | boolean> {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const ms = (value: number | undefined): number => Math.round(value ?? 0);
  return {
    ttfb: ms(nav?.responseStart),
    domInteractive: ms(nav?.domInteractive),
    domContentLoaded: ms(nav?.domContentLoadedEventEnd),
    hydrated: ms(performance.now()),
    navigationType: nav?.type ?? 'navigate',
    // Served by the service worker: the PWA's offline-first path.
    controlled: Boolean(navigator.serviceWorker?.controller),
  };
}
