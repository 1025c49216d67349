/** The signed-in shopper's wishlist: the products, newest first; a heart takes one off (until the next visit). */
import { buttonClassName, EmptyState, ErrorState, ProductGrid, useApi, type Wishlist } from '@storefront/kit';
import { AccountFrame, PageHeading } from '../components/PageFrame';

export default function WishlistPage(): React.ReactNode {
  return <AccountFrame title="My wishlist">{() => <WishlistList />}</AccountFrame>;
}

function WishlistList(): React.ReactNode {
  const state = useApi<Wishlist>('wishlist');
  return (
    <>
      <PageHeading>My wishlist</PageHeading>
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : state.status !== 'ready' ? (
        <ProductGrid products={[]} placeholders={4} label="Your wishlist" />
      ) : state.data.products.length === 0 ? (
        <EmptyState title="Your wishlist is empty" message="Tap the heart on any product to keep it here. We can tell you when its price drops." testId="wishlist-empty">
          <a href="/" className={buttonClassName('buy')}>
            Find something you like
          </a>
        </EmptyState>
      ) : (
        <ProductGrid products={state.data.products} label="Your wishlist" />
      )}
    </>
  );
}
