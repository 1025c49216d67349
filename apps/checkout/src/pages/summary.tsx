/**
 * Checkout, step 2: the order as the server prices it now, from the catalog (MRP, discount,
 * offers, delivery fee, total) and when it arrives at the chosen address. The lines are sent at
 * the prices the shopper last saw; a line whose price or stock changed is marked with what
 * changed, and the shopper must confirm the new lines before going on. Offline, the summary is the
 * cart's own arithmetic, clearly marked: the server checks it when the order is placed.
 */
import {
  ApiError,
  apiRequest,
  applyPending,
  Button,
  buttonClassName,
  cartWriteCount,
  DeliverTo,
  EmptyState,
  ErrorState,
  flushOutbox,
  loadCartOffline,
  OrderItems,
  pendingOps,
  PriceDetails,
  publishCart,
  recallForOffline,
  summarize,
  trackCheckout,
  type Address,
  type Cart,
  type CheckoutSummary,
  type CheckoutSummaryRequest,
  type OrderLine,
  type OrderTotals,
} from '@storefront/kit';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { acceptChanges, atSeenPrices, describeChanges, linesFromCart, linesFromSummary, provisionalTotals, requestLines } from '../checkout/checkout-lines';
import { readSession, updateSession } from '../checkout/checkout-session';
import { goToLogin, useShopper } from '../checkout/shopper';
import { CheckoutBar } from '../components/CheckoutBar';
import { CheckoutFrame, StepSkeleton } from '../components/CheckoutFrame';
import { OfflineNote } from '../components/OfflineNote';

/** Route state from the payment step when the server refused the order's prices or stock. */
export interface SummaryPageState {
  refused?: 'price-changed' | 'out-of-stock';
}

type View =
  | { status: 'loading' }
  | { status: 'ready'; summary: CheckoutSummary }
  | { status: 'offline'; lines: OrderLine[]; totals: OrderTotals; address: Address | null }
  | { status: 'empty' }
  | { status: 'error'; error: ApiError };

export default function SummaryPage(): React.ReactNode {
  const shopper = useShopper('summary');
  if (!shopper) return <StepSkeleton step="summary" />;
  return <Summary />;
}

/**
 * The lines to price: the session's (confirmed before, or a declined order's); else the cart's as
 * it is now, at the prices the shopper saw on the cart page, so the summary shows what moved.
 */
async function linesToPrice(sessionLines: OrderLine[] | null, seen: Record<string, number> | null): Promise<OrderLine[] | null> {
  if (sessionLines) return sessionLines;
  // Cart changes still queued go first, so the summary prices the cart the shopper sees.
  await flushOutbox().catch(() => undefined);
  try {
    const writes = cartWriteCount();
    const cart = await apiRequest<Cart>('cart');
    publishCart(cart, writes);
    return atSeenPrices(linesFromCart(cart), seen);
  } catch (error) {
    if (!(error instanceof ApiError) || !error.offline) throw error;
    // Offline: the cart kept on this phone, with the changes still queued.
    const kept = applyPending(await loadCartOffline(), pendingOps());
    return kept ? atSeenPrices(linesFromCart(kept), seen) : null;
  }
}

function Summary(): React.ReactNode {
  const navigate = useNavigate();
  const location = useLocation();
  const refused = (location.state as SummaryPageState | null)?.refused;
  const [session, setSession] = useState(readSession);
  const [view, setView] = useState<View>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const addressId = session.addressId;

  useEffect(() => {
    document.title = 'Order summary · Storefront';
  }, []);

  useEffect(() => {
    if (!addressId) void navigate('/checkout/address', { replace: true });
  }, [addressId, navigate]);

  useEffect(() => {
    if (!addressId) return;
    let live = true;
    setView({ status: 'loading' });
    const run = async (): Promise<View> => {
      const lines = await linesToPrice(session.lines, session.seenPrices);
      if (!lines || lines.length === 0) return { status: 'empty' };
      try {
        const body: CheckoutSummaryRequest = { addressId, lines: requestLines(lines) };
        const summary = await apiRequest<CheckoutSummary>('checkout/summary', { method: 'POST', body });
        return { status: 'ready', summary };
      } catch (error) {
        if (!(error instanceof ApiError) || !error.offline) throw error;
        const addresses = await recallForOffline<Address[]>('addresses');
        return { status: 'offline', lines, totals: provisionalTotals(lines, summarize), address: addresses?.find((a) => a.id === addressId) ?? null };
      }
    };
    run().then(
      (next) => {
        if (!live) return;
        setView(next);
        if (next.status === 'ready') trackCheckout('summary', next.summary.changed ? 'changed' : 'view', { total: next.summary.totals.total, itemCount: next.summary.totals.itemCount });
        if (next.status === 'offline') trackCheckout('summary', 'offline');
      },
      (error: unknown) => {
        if (!live) return;
        const failure = error instanceof ApiError ? error : new ApiError(0, 'offline', String(error));
        if (failure.status === 401) return goToLogin('summary', '/checkout/summary');
        if (failure.code === 'address-not-found') {
          setSession(updateSession({ addressId: null }));
          return;
        }
        setView(failure.code === 'cart-empty' ? { status: 'empty' } : { status: 'error', error: failure });
      },
    );
    return () => {
      live = false;
    };
    // The cart is read once per attempt; later cart answers must not re-price under the shopper.
  }, [addressId, session.lines, attempt]);

  const changes = useMemo(() => (view.status === 'ready' ? describeChanges(view.summary.lines) : new Map<string, string[]>()), [view]);

  const confirmChanges = (summary: CheckoutSummary): void => {
    trackCheckout('summary', 'confirmed', { changes: changes.size });
    setSession(updateSession({ lines: acceptChanges(summary), confirmed: null }));
  };

  const goOn = (lines: OrderLine[], totals: OrderTotals, offline: boolean): void => {
    if (!addressId) return;
    updateSession({ lines, confirmed: { addressId, total: totals.total, itemCount: totals.itemCount } });
    if (!offline) trackCheckout('summary', 'confirmed', { total: totals.total });
    void navigate('/checkout/payment');
  };

  if (view.status === 'loading' || !addressId) return <StepSkeleton step="summary" />;
  if (view.status === 'error') {
    return (
      <CheckoutFrame step="summary" title="Order summary">
        <ErrorState error={view.error} onRetry={() => setAttempt((n) => n + 1)} />
      </CheckoutFrame>
    );
  }
  if (view.status === 'empty') {
    return (
      <CheckoutFrame step="summary" title="Order summary">
        <EmptyState title="Nothing to order" message="Your cart is empty. Add something you like, then come back here." testId="empty-cart">
          <a href="/" className={buttonClassName('buy')}>
            Shop now
          </a>
        </EmptyState>
      </CheckoutFrame>
    );
  }

  if (view.status === 'offline') {
    return (
      <CheckoutFrame step="summary" title="Order summary">
        <OfflineNote>You’re offline. These are the prices you last saw; we check them when your order is placed, and ask you again if anything changed.</OfflineNote>
        {view.address && <DeliverTo address={view.address} changeTo="/checkout/address" />}
        <OrderItems lines={view.lines} />
        <div className="co-side">
          <PriceDetails totals={view.totals} />
        </div>
        <CheckoutBar total={view.totals.total} before={view.totals.mrp + view.totals.deliveryFee}>
          <Button variant="buy" onClick={() => goOn(view.lines, view.totals, true)} data-testid="summary-continue">
            Continue
          </Button>
        </CheckoutBar>
      </CheckoutFrame>
    );
  }

  const { summary } = view;
  const needsConfirming = summary.changed;
  return (
    <CheckoutFrame step="summary" title="Order summary">
      {refused && !needsConfirming && (
        <p className="co-notice" role="status">
          <strong>{refused === 'price-changed' ? 'Prices changed while you were paying.' : 'An item ran out while you were paying.'}</strong>
          The summary below has today’s prices and stock. Nothing was charged.
        </p>
      )}
      {needsConfirming && (
        <div className="co-notice" role="alert" data-testid="summary-changed">
          <strong>
            {changes.size === 1 ? '1 item changed' : `${changes.size} items changed`} since you last saw your cart
          </strong>
          Check the marked items below and confirm to go on. Nothing is charged at the old prices.
        </div>
      )}
      <DeliverTo address={summary.address} delivery={summary.delivery} changeTo="/checkout/address" />
      <OrderItems lines={summary.lines} changes={changes} />
      <div className="co-side">
        <PriceDetails totals={summary.totals} offers={summary.offers} />
        <p className="co-safe">Safe and secure payments. Easy returns. 100% authentic products.</p>
      </div>
      <CheckoutBar total={summary.totals.total} before={summary.totals.mrp + summary.totals.deliveryFee}>
        {needsConfirming ? (
          <Button variant="buy" onClick={() => confirmChanges(summary)} data-testid="summary-confirm-changes">
            Confirm changes
          </Button>
        ) : summary.canPlace ? (
          <Button variant="buy" onClick={() => goOn(linesFromSummary(summary), summary.totals, false)} data-testid="summary-continue">
            Continue
          </Button>
        ) : (
          <Link to="/cart" className={buttonClassName('outline')} data-testid="summary-back-to-cart">
            Back to cart
          </Link>
        )}
      </CheckoutBar>
    </CheckoutFrame>
  );
}
