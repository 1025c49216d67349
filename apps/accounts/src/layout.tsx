/** The chrome around every accounts page; the pages render their own `<main>`. */
import { ShopLayout } from '@storefront/kit';

export function Layout({ children }: { children: React.ReactNode }): React.ReactNode {
  return (
    <ShopLayout app="accounts" pagesRenderMain>
      {children}
    </ShopLayout>
  );
}
