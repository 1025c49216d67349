/** The page of each route type, split into its own chunk named after the shell. */
import { lazyPage, type PageMap } from '@storefront/kit';
import type { routeTable } from './routes';

export const pages: PageMap<typeof routeTable> = {
  home: lazyPage(() => import(/* webpackChunkName: "page-home" */ './pages/home')),
  search: lazyPage(() => import(/* webpackChunkName: "page-search" */ './pages/search')),
  browse: lazyPage(() => import(/* webpackChunkName: "page-browse" */ './pages/browse')),
  product: lazyPage(() => import(/* webpackChunkName: "page-product" */ './pages/product')),
  'not-found': lazyPage(() => import(/* webpackChunkName: "page-not-found" */ './pages/not-found')),
};
