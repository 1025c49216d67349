/** The chrome around every page of this app: the shop header and the main landmark. */
import { ShopHeader } from '@storefront/kit';

/** Same header as every other app, so the shop looks like one shop across apps. */
export function Layout({ children }: { children: React.ReactNode }): React.ReactNode {
  return (
    <div className="app">
      <ShopHeader app="home-browse-product" />
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
