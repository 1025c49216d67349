/** The client entry of every app: load the current route's page, then hydrate the build-time shell. */
import { StrictMode, startTransition, type ComponentType } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { matchRoute, type RouteTable } from '../../../../shared/route-table';
import type { LazyPage } from './lazy-page';
import { AppRoutes, type PageMap } from './app-routes';
import { afterFirstPaint } from './after-first-paint';
import { startOutbox } from '../offline/outbox';
import { startServiceWorkerBridge } from '../sw-bridge';
import { usePageViews } from '../telemetry/page-views';
import { startTelemetry } from '../telemetry/telemetry';

export interface HydrateOptions<T extends RouteTable> {
  table: T;
  pages: PageMap<T>;
  /** The app's chrome (header, navigation) around its routes. */
  Layout: ComponentType<{ children: React.ReactNode }>;
  /** Label of this app build (set at build time from RELEASE_LABEL), shown on the document for support and telemetry. */
  release: string;
}

/** Hydrates `#root`; resolves once React has taken over the server-rendered shell. */
export async function hydrateApp<T extends RouteTable>({ table, pages, Layout, release }: HydrateOptions<T>): Promise<void> {
  document.documentElement.dataset.release = `${table.app}:${release}`;
  const match = matchRoute([table], window.location.pathname);
  const shell = match ? match.route.shell : table.notFound?.shell;
  // First, so that a crash while starting is reported too.
  startTelemetry({ app: table.app, release, routeType: shell ?? 'unknown' });
  // Changes queued on an earlier visit (offline, or a tab closed mid-request) go out now.
  startOutbox();
  const root = document.getElementById('root');
  if (!root) throw new Error('the shell has no #root element');
  // The page's code loads while the browser paints the shell; hydration starts once both are done,
  // so the first paint (with the lead picture) never waits for React (decisions/0030).
  await Promise.all([shell ? (pages as Record<string, LazyPage>)[shell]?.preload() : undefined, afterFirstPaint()]);
  // In a transition, hydration is time-sliced: React yields every few milliseconds instead of
  // hydrating the whole shell in one long task, and input that arrives meanwhile goes first.
  startTransition(() => {
    hydrateRoot(
      root,
      <StrictMode>
        <BrowserRouter>
          <PageViews table={table} />
          <Layout>
            <AppRoutes table={table} pages={pages} />
          </Layout>
        </BrowserRouter>
      </StrictMode>,
      {
        onRecoverableError(error) {
          // Hydration mismatches land here; report them loudly so tests and telemetry see them.
          console.error('hydration', error);
        },
      },
    );
  });
  // After hydration (and the page's load), so the worker never competes with the page's first work.
  startServiceWorkerBridge();
}

/** Renders nothing: page-view telemetry needs the router's location. */
function PageViews({ table }: { table: RouteTable }): null {
  usePageViews(table);
  return null;
}
