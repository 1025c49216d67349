/** Routes of the Accounts app. */
import type { RouteTable } from '../../../shared/route-table';

export const routeTable = {
  app: 'accounts',
  routes: [{ shell: 'accounts', path: '/accounts/*', title: 'Your account' }],
} as const satisfies RouteTable;
