/**
 * The kit: what every app shares, shipped once inside the vendors bundle.
 * Apps import only from "@storefront/kit"; the build refuses deeper imports.
 */
export { lazyPage, type LazyPage } from './app-frame/lazy-page';
export { AppRoutes, type PageMap } from './app-frame/app-routes';
export { hydrateApp, type HydrateOptions } from './app-frame/hydrate-app';
export { apiRequest, ApiError, type RequestOptions } from './api/api-client';
export { useApi, type ApiState } from './api/use-api';
export { discountPercent, formatRupees, summarize, FREE_DELIVERY_THRESHOLD, DELIVERY_FEE } from './shared/price';
export { matchRoute, type RouteTable, type RouteDef, type AppName } from './shared/route-table';
export type * from './shared/api-types';
