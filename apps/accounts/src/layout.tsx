/** The chrome around every accounts page: the same shop header as the rest of the shop. */
import { ShopHeader } from '@storefront/kit';

/**
 * The accounts pages render their own `<main>`, so this wraps them in a plain container (one main
 * landmark per page) that still carries the skip link's target.
 */
export function Layout({ children }: { children: React.ReactNode }): React.ReactNode {
  return (
    <div className="app">
      <ShopHeader app="accounts" />
      <div id="main" className="page" tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}
