/**
 * The app-shell model: a navigation to any route type is answered at once with that route type's
 * precached shell (the page then fetches its data through the runtime caches). Navigations no
 * route type owns go to the network, and fall back to the offline page when there is none.
 */
import { matchPrecache } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { RouteTable } from '../../shared/route-table';
import { SERVER_PATHS } from '../../shared/server-paths';
import { SW_URLS } from '../../shared/sw-release';
import { createShellLookup } from './shell-for-navigation';

/** Routes every navigation of the shop's pages. */
export function routeNavigations(tables: readonly RouteTable[]): void {
  const shellFor = createShellLookup(tables);
  const handler = async ({ request, url }: { request: Request; url: URL }): Promise<Response> => {
    const shell = shellFor(url.pathname);
    const cached = shell ? await matchPrecache(shell) : undefined;
    if (cached) return cached;
    try {
      return await fetch(request);
    } catch (error) {
      const offline = await matchPrecache(SW_URLS.offline);
      if (offline) return offline;
      throw error;
    }
  };
  registerRoute(new NavigationRoute(handler, { denylist: [SERVER_PATHS] }));
}
