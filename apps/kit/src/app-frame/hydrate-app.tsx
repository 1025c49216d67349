/** The client entry of every app: load the current route's page, then hydrate the build-time shell. */
import { StrictMode, startTransition, type ComponentType } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { matchRoute, type RouteTable } from '../../../../shared/route-table';
import type { LazyPage } from './lazy-page';
import { AppRoutes, type PageMap } from './app-routes';
import { afterFirstPaint } from './after-first-paint';
import { nextTask, openStorage, runInTasks } from './start-up-tasks';
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
  // The page's chunk starts downloading now; it is evaluated in a task of its own when it arrives.
  const pageReady = shell ? (pages as Record<string, LazyPage>)[shell]?.preload() : undefined;
  // Handled here as well, so a failed download is no "unhandled rejection" while the steps below run;
  // the await further down still sees it fail.
  pageReady?.catch(() => undefined);
  const root = document.getElementById('root');
  if (!root) throw new Error('the shell has no #root element');
  // Out of the bundle's evaluation task, and each in a task of its own (decisions/0039). Telemetry
  // first, so that a crash while starting is reported too; changes queued on an earlier visit
  // (offline, or a tab closed mid-request) go out next; then the storage that effects will read.
  await runInTasks([() => startTelemetry({ app: table.app, release, routeType: shell ?? 'unknown' }), startOutbox, openStorage]);
  // Hydration starts once the page's code is in and the shell has painted, so the first paint
  // (with the lead picture) never waits for React (decisions/0030).
  await Promise.all([pageReady, afterFirstPaint()]);
  // A task of its own: the page chunk's promise may resolve inside the chunk's evaluation task.
  await nextTask();
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
