/** The page of each route type, split into its own chunk named after the shell. */
import { lazyPage, type PageMap } from '@storefront/kit';
import type { routeTable } from './routes';

export const pages: PageMap<typeof routeTable> = {
  cart: lazyPage(() => import(/* webpackChunkName: "page-cart" */ './pages/cart')),
  'checkout-address': lazyPage(() => import(/* webpackChunkName: "page-checkout-address" */ './pages/address')),
  'checkout-summary': lazyPage(() => import(/* webpackChunkName: "page-checkout-summary" */ './pages/summary')),
  'checkout-payment': lazyPage(() => import(/* webpackChunkName: "page-checkout-payment" */ './pages/payment')),
  'checkout-confirmation': lazyPage(() => import(/* webpackChunkName: "page-checkout-confirmation" */ './pages/confirmation')),
  checkout: lazyPage(() => import(/* webpackChunkName: "page-checkout" */ './pages/checkout')),
};
