/**
 * The cart as the server last answered it, shared by the header badge, the cart page and whatever
 * changes the cart; queued changes (the outbox) are applied on top, so an item added offline
 * counts at once. Fetched once after the first badge mounts; every cart answer updates it, and it
 * is kept for pages opened offline.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { apiRequest } from '../api/api-client';
import { applyPending } from '../offline/cart-pending';
import { onReplayedCart, recallOfflineCopy, rememberForOffline, usePendingOps } from '../offline/outbox';
import type { Cart } from '../../../../shared/api-types';

let confirmed: Cart | null = null;
/** When the server answered `confirmed` (ms): now for a fresh answer, the kept time for an offline copy. */
let confirmedAt: number | null = null;
let requested = false;
/** Cart changes the server has answered so far (replays of the outbox). */
let writes = 0;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setCart(next: Cart, at: number = Date.now()): void {
  confirmed = next;
  confirmedAt = at;
  for (const listener of listeners) listener();
}

/**
 * How many cart changes the server has answered so far. A read notes it when it starts: if a change
 * was answered meanwhile, the read's answer is older than what the page already shows.
 */
export function cartWriteCount(): number {
  return writes;
}

/**
 * Takes a cart the API just answered with: the badge, the cart page and the offline copy follow
 * it. `writesSeen` (from `cartWriteCount()` when the read started) drops an answer that a later
 * change has already overtaken, so a slow read never undoes a quantity just saved.
 */
export function publishCart(cart: Cart, writesSeen?: number): void {
  if (writesSeen !== undefined && writesSeen < writes) return;
  setCart(cart);
  rememberForOffline('cart', cart);
}

/** GETs the cart and publishes it unless a change overtook it. */
function readCart(): Promise<Cart> {
  const seen = writes;
  return apiRequest<Cart>('cart').then((cart) => {
    publishCart(cart, seen);
    return cart;
  });
}

/** Asks for the cart again (after an order took its lines, or a login merged it); failures are quiet. */
export function refreshCart(): void {
  readCart().catch(() => {
    // The badge is a nicety; the cart page itself shows the truth.
  });
}

// Carts the outbox's replays answer with are the newest truth.
onReplayedCart((cart) => {
  writes += 1;
  publishCart(cart);
});

/** The last cart the server answered with, or the copy kept for offline use; null if neither. */
export async function loadCartOffline(): Promise<Cart | null> {
  if (confirmed) return confirmed;
  const kept = await recallOfflineCopy<Cart>('cart');
  if (kept && !confirmed) setCart(kept.value, kept.at);
  return confirmed;
}

/**
 * The server's last cart (`confirmed`), the cart with queued changes applied (`view`), and when the
 * server last answered it (`seenAt`, ms; the kept copy's time when it came from this phone offline).
 */
export function useCart(): { confirmed: Cart | null; view: Cart | null; seenAt: number | null } {
  // The server snapshot is null so that hydration matches the shell, which knows no cart.
  const cart = useSyncExternalStore(subscribe, () => confirmed, () => null);
  const pending = usePendingOps();
  const view = useMemo(() => applyPending(cart, pending), [cart, pending]);
  return { confirmed: cart, view, seenAt: cart ? confirmedAt : null };
}

/** Items in the cart, queued changes included, or `null` while unknown (the shell, or before the cart answers). */
export function useCartCount(): number | null {
  const { view } = useCart();
  useEffect(() => {
    if (requested) return;
    requested = true;
    readCart().catch(() => {
      // Offline: the copy kept from the last visit. A badge is not worth an error message.
      requested = false;
      void loadCartOffline();
    });
  }, []);
  return view ? view.summary.itemCount : null;
}
