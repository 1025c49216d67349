/**
 * URL → route type, for the server and the service worker, compiled once per release. React
 * Router's `matchPath` compiles the pattern's regular expression on every call; this compiles each
 * pattern of the same route tables once (path-to-regexp), with React Router's semantics:
 * case-insensitive, an optional trailing slash, and a trailing `*` that may also match nothing.
 * Not exported from the kit's index: that would put path-to-regexp into the vendors bundle.
 */
import { match, type MatchFunction } from 'path-to-regexp';
import type { AppName, RouteDef, RouteTable } from './route-table';

export interface CompiledMatch {
  app: AppName;
  route: RouteDef;
  /** Path parameters as they appear in the URL (still percent-encoded). */
  params: Partial<Record<string, string | string[]>>;
}

/** React Router path syntax → path-to-regexp syntax. */
export function toPathToRegexp(path: string): string {
  if (path === '*') return '{/*splat}';
  return path.endsWith('/*') ? `${path.slice(0, -2)}{/*splat}` : path;
}

/** A matcher for the given tables, in table order. */
export function compileRoutes(tables: readonly RouteTable[]): (pathname: string) => CompiledMatch | null {
  const compiled: Array<{ test: MatchFunction<CompiledMatch['params']>; app: AppName; route: RouteDef }> = [];
  for (const table of tables) {
    for (const route of table.routes) {
      compiled.push({ test: match(toPathToRegexp(route.path), { decode: false, sensitive: false, end: true }), app: table.app, route });
    }
  }
  return (pathname) => {
    for (const entry of compiled) {
      const found = entry.test(pathname);
      if (found) return { app: entry.app, route: entry.route, params: found.params };
    }
    return null;
  };
}
