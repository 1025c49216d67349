/**
 * What the shop needs from a payment gateway. The test gateway is one adapter; a real gateway is
 * another file implementing the same interface, with its own webhook format and signature.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** What a verified webhook (or a verified browser return) says about a payment. */
export interface PaymentEvent {
  /** The provider's event id; an id seen before is a replay and is refused. */
  id: string;
  paymentId: string;
  outcome: 'paid' | 'failed';
  /** The provider's own id of the transaction. */
  reference?: string | undefined;
}

export interface PaymentProvider {
  /** The name in URLs and in the store: `POST /api/payments/webhook/<name>`. */
  readonly name: string;
  /** Where the shopper pays a pending payment (a URL on the gateway's hosted page). */
  paymentPageUrl(paymentId: string): string;
  /** Checks a webhook call's signature over its raw body; answers the event or throws a `webhook-*` AppError. */
  verifyWebhook(rawBody: Buffer, headers: IncomingHttpHeaders, now: number): PaymentEvent;
  /** True when `sig` is the gateway's signature of the browser's return for this order, payment and outcome. */
  verifyReturn(orderId: string, paymentId: string, outcome: string, sig: string): boolean;
}

/** The configured providers, by name. */
export type PaymentProviders = ReadonlyMap<string, PaymentProvider>;

/** How long a shopper has to pay before the order is cancelled and its stock returned. */
export const PAYMENT_TIMEOUT_MS = 15 * 60_000;
