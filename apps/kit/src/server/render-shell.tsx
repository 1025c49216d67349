/** Build-time (level 1) rendering of one route type with no data. Never shipped to browsers. */
import { StrictMode, type ComponentType } from 'react';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppRoutes, type PageMap } from '../app-frame/app-routes';
import { shellsOf, type RouteTable } from '../../../../shared/route-table';

export interface ShellRenderer {
  table: RouteTable;
  /** HTML of `#root` for the route type `shell`, rendered at its placeholder URL. */
  render(shell: string): Promise<string>;
}

/** Creates the renderer the shell build calls for every route type of an app. */
export function createShellRenderer<T extends RouteTable>(
  table: T,
  pages: PageMap<T>,
  Layout: ComponentType<{ children: React.ReactNode }>,
): ShellRenderer {
  return {
    table,
    async render(shell) {
      const route = shellsOf(table).find((r) => r.shell === shell);
      if (!route) throw new TypeError(`app ${table.app} has no route type ${shell}`);
      const { prelude } = await prerender(
        <StrictMode>
          <StaticRouter location={route.url}>
            <Layout>
              <AppRoutes table={table} pages={pages} />
            </Layout>
          </StaticRouter>
        </StrictMode>,
      );
      return new Response(prelude).text();
    },
  };
}
