/**
 * Where this tab's checkout stands, from the address step to the order: kept in `sessionStorage`,
 * so a reload, the trip to the login page or to the payment gateway and back lose nothing, and
 * another tab starts its own checkout. Free of runtime imports (tests give it a plain Storage).
 */
import type { OrderLine } from '@storefront/kit';

export interface CheckoutSession {
  /** The chosen delivery address. */
  addressId: string | null;
  /**
   * The lines being bought, at the prices the shopper last saw: null while they are the cart's;
   * the summary's once confirmed; a declined order's when paying again.
   */
  lines: OrderLine[] | null;
  /**
   * The unit price of each cart line (`productId/variantId` → paise) as the cart page showed it when
   * the shopper pressed "Place order": the summary sends these, so a price that moved since is shown.
   */
  seenPrices: Record<string, number> | null;
  /** Set once the shopper confirmed the summary: exactly `lines`, to this address, for this total. */
  confirmed: { addressId: string; total: number; itemCount: number } | null;
  /**
   * The `Idempotency-Key` of the current press of "Place order": every retry of it sends the same.
   * It is dropped only on a definite answer (placed, or refused), never after a request whose
   * outcome is unknown, so a second press cannot place a second order.
   */
  orderKey: string | null;
  /** A cash-on-delivery order queued offline, by its key, until the outbox places it. */
  queuedKey: string | null;
}

const KEY = 'sf.checkout';
export const EMPTY_SESSION: CheckoutSession = { addressId: null, lines: null, seenPrices: null, confirmed: null, orderKey: null, queuedKey: null };

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function store(given?: Store): Store | null {
  if (given) return given;
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage blocked: checkout still works within one page, it just forgets on reload.
    return null;
  }
}

let memory: CheckoutSession = EMPTY_SESSION;

/** The session as stored; anything unreadable counts as a fresh start. */
export function readSession(given?: Store): CheckoutSession {
  const area = store(given);
  if (!area) return memory;
  try {
    const parsed = JSON.parse(area.getItem(KEY) ?? 'null') as Partial<CheckoutSession> | null;
    return parsed && typeof parsed === 'object' ? { ...EMPTY_SESSION, ...parsed } : EMPTY_SESSION;
  } catch {
    return EMPTY_SESSION;
  }
}

/** Merges `change` into the session and keeps it; answers the new session. */
export function updateSession(change: Partial<CheckoutSession>, given?: Store): CheckoutSession {
  const next = { ...readSession(given), ...change };
  memory = next;
  try {
    store(given)?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Quota or privacy mode: the in-memory copy serves this page.
  }
  return next;
}

/**
 * A checkout started from the cart: the cart's lines again at the prices just seen, nothing
 * confirmed; the address (and an unanswered key) kept.
 */
export function startFromCart(seenPrices: Record<string, number> | null, given?: Store): CheckoutSession {
  return updateSession({ lines: null, seenPrices, confirmed: null }, given);
}

/** After an order is placed (or queued): only the address is worth remembering. */
export function finishSession(given?: Store): CheckoutSession {
  return updateSession({ lines: null, seenPrices: null, confirmed: null, orderKey: null, queuedKey: null }, given);
}
