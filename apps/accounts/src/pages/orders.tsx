/** Orders: none can exist until checkout places them, so this is the real empty state. */
import { buttonClassName, EmptyState } from '@storefront/kit';
import { AccountFrame, PageHeading } from '../components/PageFrame';

export default function OrdersPage(): React.ReactNode {
  return (
    <AccountFrame title="My orders">
      {() => (
        <>
          <PageHeading>My orders</PageHeading>
          <EmptyState title="No orders yet" message="When you place an order, it shows up here so you can track it." testId="no-orders" art="orders">
            <a href="/" className={buttonClassName('buy')}>
              Start shopping
            </a>
          </EmptyState>
        </>
      )}
    </AccountFrame>
  );
}
