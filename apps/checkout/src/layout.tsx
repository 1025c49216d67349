/** The chrome around every page of this app: the shop's own header and main landmark. */
import { ShopLayout } from '@storefront/kit';

export function Layout({ children }: { children: React.ReactNode }): React.ReactNode {
  return <ShopLayout app="checkout">{children}</ShopLayout>;
}
