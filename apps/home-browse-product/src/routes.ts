/** Routes of the Home-Browse-Product ("main") app. */
import type { RouteTable } from '@storefront/kit/shared/route-table';

export const routeTable = {
  app: 'home-browse-product',
  routes: [
    { shell: 'home', path: '/', title: 'Online shopping for mobiles, fashion, electronics and more' },
    { shell: 'search', path: '/search', title: 'Search' },
    { shell: 'browse', path: '/:slug/pr', title: 'Shop by category' },
    { shell: 'product', path: '/:slug/p/:itemId', title: 'Product' },
  ],
  notFound: { shell: 'not-found', title: 'Page not found' },
} as const satisfies RouteTable;
