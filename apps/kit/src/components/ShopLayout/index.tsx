/** The chrome around every page of every app: the shop header and the skip link's target. */
import type { AppName } from '../../../../../shared/route-table';
import { ShopHeader } from '../ShopHeader';

export interface ShopLayoutProps {
  app: AppName;
  /**
   * Pages that render their own `<main>` get a plain container instead, so a page has exactly
   * one main landmark.
   */
  pagesRenderMain?: boolean;
  children: React.ReactNode;
}

/** Same header in every app, so the shop looks like one shop across apps. */
export function ShopLayout({ app, pagesRenderMain = false, children }: ShopLayoutProps): React.ReactNode {
  const Main = pagesRenderMain ? 'div' : 'main';
  return (
    <div className="app">
      <ShopHeader app={app} />
      <Main id="main" className="page" tabIndex={-1}>
        {children}
      </Main>
    </div>
  );
}
