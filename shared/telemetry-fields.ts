/**
 * Field names of the documents the shop's own telemetry client sends to table `storefront`
 * (apps/kit/src/telemetry), as queries and dashboards address them. One list, so the console's
 * default widgets read exactly what the shop sends (they once read `sessionId`, `event` and `route`).
 */

/** The table the storefront's events go to. */
export const STOREFRONT_TABLE = 'storefront';

/** Fields every storefront event carries, and the few its event types add that dashboards read. */
export const STOREFRONT_FIELDS = {
  /** `APP_LOAD`, `PAGE_VIEW`, `WEB_VITAL`… */
  eventType: 'eventType',
  /** The shell name of the page shown: `home`, `product`, `cart`… */
  routeType: 'routeType',
  /** One id per browser tab. */
  session: 'session',
  app: 'app',
  os: 'os',
  browser: 'browser',
  online: 'online',
  /** `WEB_VITAL` only: `LCP`, `CLS`… and its value. */
  metric: 'metric',
  value: 'value',
} as const;
