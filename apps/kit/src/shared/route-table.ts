/**
 * Route tables: one per app, the single source of truth for client routing, build-time shell
 * rendering, server URL → shell matching and service-worker navigation matching.
 */
import { matchPath } from 'react-router';

export type AppName = 'home-browse-product' | 'checkout' | 'accounts';

export interface RouteDef {
  /** Route type; also the name of the shell rendered for it. */
  shell: string;
  /** React Router path pattern: `:param` segments and a trailing `*` splat. */
  path: string;
  /** Title of the shell document (the page sets a precise one after its data arrives). */
  title: string;
}

export interface RouteTable {
  app: AppName;
  routes: readonly RouteDef[];
}

/** Values substituted for dynamic segments when a route type is rendered with no data. */
export const SHELL_PLACEHOLDER = '__shell__';

/** The concrete URL used to render a route type at build time. */
export function placeholderUrl(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.startsWith(':') || segment === '*' ? SHELL_PLACEHOLDER : segment))
    .join('/');
}

export interface RouteMatch {
  app: AppName;
  route: RouteDef;
  params: Record<string, string | undefined>;
}

/** First route of the given tables that matches `pathname`, in table order. */
export function matchRoute(tables: readonly RouteTable[], pathname: string): RouteMatch | null {
  for (const table of tables) {
    for (const route of table.routes) {
      const match = matchPath({ path: route.path, end: true }, pathname);
      if (match) return { app: table.app, route, params: match.params };
    }
  }
  return null;
}
