/**
 * Telemetry posts never wait on this worker. Chromium cancels a beacon or keep-alive request that a
 * worker's fetch handler was asked about once the page that sent it unloads, so the events a page
 * sends as the shopper navigates away were lost whenever this worker controlled the page. A static
 * route (the Service Worker Static Routing API) sends them straight to the network; where that API
 * is missing, the worker sends them itself, so the request outlives the page either way.
 */
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { isTelemetryPost, TELEMETRY_PATH } from './request-kind';

declare const self: ServiceWorkerGlobalScope;

/** A rule of the Static Routing API (not in TypeScript's WebWorker lib yet). */
interface StaticRoute {
  condition: { urlPattern: unknown };
  source: 'network';
}

type InstallEventWithRoutes = ExtendableEvent & { addRoutes?: (rules: StaticRoute[]) => Promise<void> };

/** Keeps telemetry posts out of the worker's hands; call before any other route is registered. */
export function bypassTelemetry(): void {
  self.addEventListener('install', (event) => {
    const addRoutes = (event as InstallEventWithRoutes).addRoutes;
    if (typeof addRoutes !== 'function' || typeof URLPattern !== 'function') return;
    const rules: StaticRoute[] = [{ condition: { urlPattern: new URLPattern({ pathname: `${TELEMETRY_PATH}*` }) }, source: 'network' }];
    // A browser that refuses the rule still has the fallback below.
    event.waitUntil(addRoutes.call(event, rules).catch(() => undefined));
  });
  registerRoute(({ url, request, sameOrigin }) => isTelemetryPost(url, request.method, sameOrigin), new NetworkOnly(), 'POST');
}
