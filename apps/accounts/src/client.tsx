/** Browser entry: hydrate the shell the server sent, then each page fetches its data. */
import { hydrateApp } from '@storefront/kit';
import { Layout } from './layout';
import { pages } from './pages';
import { routeTable } from './routes';

void hydrateApp({ table: routeTable, pages, Layout, release: process.env.RELEASE_LABEL ?? 'dev' });
