/** The page of each route type, split into its own chunk named after the shell. */
import { lazyPage, type PageMap } from '@storefront/kit';
import type { routeTable } from './routes';

export const pages: PageMap<typeof routeTable> = {
  accounts: lazyPage(() => import(/* webpackChunkName: "page-accounts" */ './pages/accounts')),
};
