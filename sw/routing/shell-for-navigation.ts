/** Which precached shell answers a navigation: the route type's, by the release's own route tables. */
import { compileRoutes } from '../../shared/route-matcher';
import type { RouteTable } from '../../shared/route-table';
import { SERVER_PATHS } from '../../shared/server-paths';
import { shellUrl } from '../../shared/sw-release';

/** A function from a navigation's pathname to its shell's precache URL, or null (leave it to the network). */
export function createShellLookup(tables: readonly RouteTable[]): (pathname: string) => string | null {
  const match = compileRoutes(tables);
  return (pathname) => {
    if (SERVER_PATHS.test(pathname)) return null;
    const found = match(pathname);
    return found ? shellUrl(found.app, found.route.shell) : null;
  };
}
