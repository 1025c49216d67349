/**
 * Route tables: one per app, the single source of truth for client routing, build-time shell
 * rendering, server URL → shell matching and service-worker navigation matching.
 */
import { matchPath } from 'react-router';
import type { AppName } from './apps';

export type { AppName };


export interface RouteDef {
  /** Route type; also the name of the shell rendered for it. */
  shell: string;
  /** React Router path pattern: `:param` segments and a trailing `*` splat. */
  path: string;
  /** Title of the shell document (the page sets a precise one after its data arrives). */
  title: string;
  /**
   * The API path (under `/api/`) of the data the page fetches first, when it follows from the path
   * alone: `:param` segments are filled in from the URL. The server names it in a `Link: preload`
   * header of the shell, so the request starts with the document instead of after the scripts run;
   * the page fetches the very same path (`dataPath`), so the browser hands it the preloaded answer.
   */
  data?: string;
}

export interface RouteTable {
  app: AppName;
  routes: readonly RouteDef[];
  /** The page served, with status 404, for URLs no app owns (only the main app has one). */
  notFound?: { shell: string; title: string };
}

/**
 * A route's data path for the given (decoded) path parameters, each encoded as a URL component;
 * null when the route has none or a parameter it names is missing.
 */
export function dataPath(template: string | undefined, params: Readonly<Record<string, string | undefined>>): string | null {
  if (template === undefined) return null;
  let missing = false;
  const path = template.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? null : path;
}

/** A URL that no route matches: where the not-found shell is rendered at build time. */
export const NOT_FOUND_URL = '/__shell__/__not_found__';

/** Every shell an app builds: one per route type, plus its not-found page. */
export function shellsOf(table: RouteTable): Array<{ shell: string; title: string; url: string; status: number }> {
  const shells = table.routes.map((r) => ({ shell: r.shell, title: r.title, url: placeholderUrl(r.path), status: 200 }));
  if (table.notFound) shells.push({ ...table.notFound, url: NOT_FOUND_URL, status: 404 });
  return shells;
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
