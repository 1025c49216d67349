/**
 * The serving benchmark's baseline: the main app's pages rendered by React on every request, with
 * their data, as a server-rendering shop would. Built for node by webpack (styles dropped).
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { ApiDataContext, AppRoutes, matchRoute, type LazyPage } from '@storefront/kit';
import { Layout } from '../../apps/home-browse-product/src/layout';
import { pages } from '../../apps/home-browse-product/src/pages';
import { routeTable } from '../../apps/home-browse-product/src/routes';

/** HTML of `#root` for `url`, with `data` standing in for the API answers the page would fetch. */
export async function renderPage(url: string, data: ReadonlyMap<string, unknown>): Promise<string> {
  const match = matchRoute([routeTable], url);
  if (match) await (pages as Record<string, LazyPage>)[match.route.shell]?.preload();
  return renderToString(
    <StrictMode>
      <ApiDataContext.Provider value={data}>
        <StaticRouter location={url}>
          <Layout>
            <AppRoutes table={routeTable} pages={pages} />
          </Layout>
        </StaticRouter>
      </ApiDataContext.Provider>
    </StrictMode>,
  );
}
