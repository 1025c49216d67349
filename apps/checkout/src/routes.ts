/** Routes of the Checkout app. */
import type { RouteTable } from '../../../shared/route-table';

export const routeTable = {
  app: 'checkout',
  routes: [
    { shell: 'cart', path: '/cart', title: 'Your cart' },
    { shell: 'checkout', path: '/checkout/*', title: 'Checkout' },
  ],
} as const satisfies RouteTable;
