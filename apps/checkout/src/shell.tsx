/** Build-time entry: renders this app's route types with no data into shells. */
import { createShellRenderer } from '@storefront/kit/server/render-shell';
import { Layout } from './layout';
import { pages } from './pages';
import { routeTable } from './routes';

export const shellRenderer = createShellRenderer(routeTable, pages, Layout);
