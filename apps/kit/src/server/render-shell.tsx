/** Build-time (level 1) rendering of one route type with no data. Never shipped to browsers. */
import { StrictMode, type ComponentType } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
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
      return renderComplete(
        <StrictMode>
          <StaticRouter location={route.url}>
            <Layout>
              <AppRoutes table={table} pages={pages} />
            </Layout>
          </StaticRouter>
        </StrictMode>,
      );
    },
  };
}

/**
 * The markup of `element` once every Suspense boundary has resolved (the lazy page's chunk is
 * loaded), so a shell never holds a fallback. An error anywhere fails the build: a boundary left
 * to the client would hydrate as something else than the shell shows.
 */
function renderComplete(element: React.ReactNode): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder();
    let html = '';
    // What React's Node renderer writes to: bytes in, `end()` when complete. This code runs in the
    // build's Node, but the apps are typed for the browser, hence no `stream.Writable` here.
    const sink = {
      write(chunk: Uint8Array | string): boolean {
        html += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
        return true;
      },
      end(): void {
        resolve(html + decoder.decode());
      },
      // 'drain', 'error', 'close': a string in memory never pushes back, fails or closes early.
      on(): void {},
    };
    const stream = renderToPipeableStream(element, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    });
  });
}
