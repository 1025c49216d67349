/** The page of each route type, split into its own chunk named after the shell. */
import { lazyPage, type PageMap } from '@storefront/kit';
import type { routeTable } from './routes';

export const pages: PageMap<typeof routeTable> = {
  cart: lazyPage(() => import(/* webpackChunkName: "page-cart" */ './pages/cart')),
  checkout: lazyPage(() => import(/* webpackChunkName: "page-checkout" */ './pages/checkout')),
};
