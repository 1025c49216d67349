/** Routes of the Home-Browse-Product ("main") app. */
import type { RouteTable } from '../../../shared/route-table';
import { BROWSE_PAGE_SIZE } from './browse/page-size';

export const routeTable = {
  app: 'home-browse-product',
  routes: [
    { shell: 'home', path: '/', title: 'Online shopping for mobiles, fashion, electronics and more', data: 'catalog/home' },
    { shell: 'search', path: '/search', title: 'Search' },
    // The first page under no filters: what `browseApiPath` asks for when the URL has no query.
    { shell: 'browse', path: '/:slug/pr', title: 'Shop by category', data: `catalog/browse/:slug?page=1&pageSize=${BROWSE_PAGE_SIZE}` },
    { shell: 'product', path: '/:slug/p/:itemId', title: 'Product', data: 'catalog/products/:itemId' },
  ],
  notFound: { shell: 'not-found', title: 'Page not found' },
} as const satisfies RouteTable;
