/** Client and shell routing of one app, generated from its route table. */
import { Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import type { RouteTable } from '../../../../shared/route-table';
import type { LazyPage } from './lazy-page';

type ShellName<T extends RouteTable> =
  | T['routes'][number]['shell']
  | (T['notFound'] extends { shell: infer S extends string } ? S : never);

/** Maps every route type (shell name) of a table, and its not-found page, to a page. */
export type PageMap<T extends RouteTable> = Record<ShellName<T>, LazyPage>;

export interface AppRoutesProps<T extends RouteTable> {
  table: T;
  pages: PageMap<T>;
}

/** Renders the page of the route that matches the current location. */
export function AppRoutes<T extends RouteTable>({ table, pages }: AppRoutesProps<T>): React.ReactNode {
  const byShell = pages as Record<string, LazyPage>;
  const NotFound = table.notFound ? byShell[table.notFound.shell] : undefined;
  return (
    <Suspense fallback={null}>
      <Routes>
        {table.routes.map((route) => {
          const Page = byShell[route.shell];
          if (!Page) throw new TypeError(`route ${route.path} names shell ${route.shell}, which has no page`);
          return <Route key={route.path} path={route.path} element={<Page />} />;
        })}
        <Route path="*" element={<OutsideApp NotFound={NotFound} />} />
      </Routes>
    </Suspense>
  );
}

/**
 * A URL this app does not own. On the first render it is the not-found page the server sent;
 * after a client-side navigation it belongs to another app, so the server must answer it.
 */
function OutsideApp({ NotFound }: { NotFound: LazyPage | undefined }): React.ReactNode {
  const location = useLocation();
  const initial = location.key === 'default';
  if (!initial && typeof window !== 'undefined') {
    window.location.replace(location.pathname + location.search + location.hash);
    return null;
  }
  return NotFound ? <NotFound /> : null;
}
